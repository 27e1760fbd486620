using SelfService.Samples.OperatorBackend;

// The operator's provisioning REST backend (commands/SelfService.Provisioning/Http/CONTRACT.md)
// over the embedded store, seeded with the sample operator. See OperatorBackendApp.
var app = OperatorBackendApp.Build(args);
await app.RunAsync();
