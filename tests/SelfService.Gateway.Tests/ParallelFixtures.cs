// The end-to-end fixtures spend most of their time waiting: on a gateway process starting, a peer answering, a browser
// rendering. Run two fixtures at once so that one's waiting overlaps the other's work; each fixture still runs its own
// tests in order, on its own gateway, peers and ports chosen at run time. Fixtures that kill processes, flood the
// gateway or measure a pace are [NonParallelizable]: NUnit runs them alone, so their figures are not shared with another.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
