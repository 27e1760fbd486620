#!/usr/bin/perl
# A telephone for the voice tests, on Net::SIP (Debian's libnet-sip-perl): it dials a SIP URI from a loopback address,
# sends a steady stream of PCMU silence as a phone does, records every audio packet it receives, presses keys as
# RFC 4733 (2833) telephone-events, and hangs up, following the steps it is given in order. What happens is printed
# as JSON lines on stdout, each with "t" (seconds since the INVITE) and "recorded" (bytes of PCMU recorded so far), so
# a test can cut the recording at each step: what it heard before a key press, and after.
#
#   perl caller.pl --to sip:8800100@127.0.0.1:5070 --from sip:+79161234567@127.0.0.1 --record out.pcmu \
#       --step prompt-end:700 --step dtmf:1 --step prompt-end:700 --step bye [--timeout 30] [--port 0] [--address 127.0.0.1]
#
# --address is the loopback address the caller calls from (127.0.0.2 is a caller from outside the trusted trunks).
# --debug N turns on Net::SIP's own trace at level N (on stderr).
#
# Steps:
#   prompt-end:MS  wait until audio that is not silence has been heard since the step began, then MS of silence
#   heard:MS       wait until MS of audio (silence or not) has been received since the step began
#   dtmf:KEYS      press the keys (0-9, *, #, A-D) as RFC 4733 events; the step ends when the last one is sent
#   pause:MS       let MS pass (the call goes on: audio is still recorded)
#   bye            hang up
#   wait-bye       wait for the other side to hang up
# Exit codes: 0 every step done; 1 the call failed or ended before the steps did; 2 bad arguments; 3 timeout.
use strict;
use warnings;
use Getopt::Long qw(:config posix_default);
use Time::HiRes qw(time);
use IO::Socket::INET;
use Net::SIP;

my ($to, $from, $record, @steps);
my $timeout = 30;
my $port = 0;
my $address = '127.0.0.1';
my $debug = 0;
GetOptions('address=s' => \$address, 'debug=i' => \$debug, 'to=s' => \$to, 'from=s' => \$from, 'record=s' => \$record, 'step=s' => \@steps,
    'timeout=f' => \$timeout, 'port=i' => \$port) or exit 2;
defined $to && defined $from && @steps or do { print STDERR "usage: caller.pl --to URI --from URI [--record FILE] --step ... \n"; exit 2 };
for (@steps) {
    /^(prompt-end:\d+|heard:\d+|pause:\d+|dtmf:[0-9*#A-D]+|bye|wait-bye)$/ or do { print STDERR "unknown step $_\n"; exit 2 };
}

$| = 1;
Net::SIP::Debug->level($debug) if $debug;   # Net::SIP's own trace of what it sends and receives, on stderr
my $started = time;
my $recorded = 0;
my $record_fh;
if (defined $record) { open($record_fh, '>:raw', $record) or die "cannot write $record: $!" }

sub say_event {
    my ($event, %fields) = @_;
    my @pairs = (qq("event":"$event"), sprintf('"t":%.3f', time - $started), qq("recorded":$recorded));
    for my $key (sort keys %fields) {
        my $value = $fields{$key};
        $value =~ s/(["\\])/\\$1/g;
        push @pairs, qq("$key":"$value");
    }
    print '{', join(',', @pairs), "}\n";
}

# G.711 mu-law to linear (ITU-T G.711), for telling silence from speech.
my @mulaw;
for my $byte (0 .. 255) {
    my $u = ~$byte & 0xFF;
    my $t = (($u & 0x0F) << 3) + 0x84;
    $t <<= ($u & 0x70) >> 4;
    $mulaw[$byte] = ($u & 0x80) ? (0x84 - $t) : ($t - 0x84);
}
my $silence_level = 200;          # a peak under this (of 32767) is silence: G.711 idle noise, not a prompt

# What was heard, for the steps: when the last non-silent packet came, and the audio received in all.
my ($last_sound_at, $heard_ms) = (undef, 0);
my $receive = sub {
    my ($payload, $seq, $timestamp, $channel, $payload_type) = @_;
    return if $payload_type != 0;     # PCMU only; telephone-events and comfort noise are not audio
    print $record_fh $payload if $record_fh;
    $recorded += length $payload;
    $heard_ms += length($payload) / 8;
    my $peak = 0;
    for my $byte (unpack 'C*', $payload) { my $level = abs $mulaw[$byte]; $peak = $level if $level > $peak }
    $last_sound_at = time if $peak >= $silence_level;
};
my $silence = chr(0xFF) x 160;    # mu-law zero, 20 ms
my $send = sub { $silence };

# Our own socket, on the port asked for or one the kernel picks: given port 0, Net::SIP would try 5060 first, with
# SO_REUSEADDR, so two phones running at once would share 5060 and take each other's SIP (a BYE, a 200).
my $socket = IO::Socket::INET->new(Proto => 'udp', LocalAddr => $address, LocalPort => $port)
    or do { print STDERR "cannot bind $address:$port: $!\n"; exit 1 };
my $leg = Net::SIP::Leg->new(sock => $socket);
my $ua = Net::SIP::Simple->new(from => $from, leg => $leg);
my ($peer_hung_up, $call_failed);
my $call = $ua->invite($to,
    init_media => $ua->rtp('media_send_recv', $send, -1, $receive),
    rtp_param => [0, 160, 160 / 8000, 'PCMU/8000'],
    recv_bye => \$peer_hung_up,
    cb_final => sub { my ($status, $self, %info) = @_; $call_failed = $info{code} // 'failed' if $status ne 'OK' },
);
if (!$call || $call->error || $call_failed) {
    say_event('failed', code => ($call_failed // ($call ? $call->error : $ua->error) // 'unknown'));
    exit 1;
}
say_event('answered');

my $deadline = $started + $timeout;
my $timed_out;
$ua->add_timer($timeout, \$timed_out);

# Runs the loop until $done->() is true, the peer hangs up, or the time is out; says which.
sub run_until {
    my ($done) = @_;
    my $stop;
    my $check; $check = sub { $stop = 1 if $done->() || $peer_hung_up };
    my $timer = $ua->add_timer(0.02, $check, 0.02);
    $ua->loop(\$stop, \$timed_out, \$peer_hung_up) unless $done->();
    $timer->cancel if $timer;
    return 'done' if $done->();
    return $peer_hung_up ? 'peer-bye' : 'timeout';
}

for my $step (@steps) {
    my $outcome;
    if ($step =~ /^prompt-end:(\d+)$/) {
        my ($quiet, $began) = ($1 / 1000, time);
        $outcome = run_until(sub { defined $last_sound_at && $last_sound_at >= $began && time - $last_sound_at >= $quiet });
    } elsif ($step =~ /^heard:(\d+)$/) {
        my $until = $heard_ms + $1;
        $outcome = run_until(sub { $heard_ms >= $until });
    } elsif ($step =~ /^pause:(\d+)$/) {
        my $until = time + $1 / 1000;
        $outcome = run_until(sub { time >= $until });
    } elsif ($step =~ /^dtmf:(.+)$/) {
        my $keys = $1;
        my $sent;
        $call->dtmf($keys, methods => 'rfc2833', duration => 100, cb_final => \$sent);
        $outcome = run_until(sub { $sent });
        say_event('dtmf-sent', keys => $keys) if $outcome eq 'done';
    } elsif ($step eq 'bye') {
        my $closed;
        $call->bye(cb_final => \$closed);
        $outcome = run_until(sub { $closed });
        say_event('bye-sent') if $outcome eq 'done';
    } elsif ($step eq 'wait-bye') {
        $outcome = run_until(sub { $peer_hung_up });
        $outcome = 'done' if $peer_hung_up;
    }
    say_event('step', step => $step, outcome => $outcome);
    next if $outcome eq 'done';
    say_event($outcome eq 'timeout' ? 'timeout' : 'peer-bye', step => $step);
    close $record_fh if $record_fh;
    exit($outcome eq 'timeout' ? 3 : 1);
}
say_event('peer-bye') if $peer_hung_up;
close $record_fh if $record_fh;
say_event('finished');
exit 0;
