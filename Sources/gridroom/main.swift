import GridCLI

// Everything lives in the GridCLI library (parsed, run and unit-tested there).
GridCLI.main(Array(CommandLine.arguments.dropFirst()))
