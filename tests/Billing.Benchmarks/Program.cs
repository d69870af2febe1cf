using BenchmarkDotNet.Running;

// Runs every benchmark class in this assembly; pick some with --filter, e.g.
//   dotnet run -c Release --project tests/Billing.Benchmarks -- --filter '*Mt940*'
// Or write a big generated bank file for a whole-process CLI measurement (README "Bank files"):
//   dotnet run -c Release --project tests/Billing.Benchmarks -- bankfile mt940 200000 /tmp/big.sta
if (args is ["bankfile", var format, var count, var path])
{
    Billing.Benchmarks.BankFiles.BankFileGenerator.Write(format, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), path);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
