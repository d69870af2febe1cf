using BenchmarkDotNet.Running;

// Runs every benchmark class in this assembly; pick some with --filter, e.g.
//   dotnet run -c Release --project tests/Billing.Benchmarks -- --filter '*Mt940*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
