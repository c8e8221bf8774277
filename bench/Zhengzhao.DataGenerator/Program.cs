using System.Globalization;
using System.IO.Compression;
using System.Text;
using Zhengzhao.DataGenerator;

// dotnet run -c Release --project bench/Zhengzhao.DataGenerator -- companies <count> <file.csv|file.csv.gz> [seed]
if (args is not ["companies", var countText, var path, ..] || !int.TryParse(countText, CultureInfo.InvariantCulture, out var count) || count < 1)
{
    await Console.Error.WriteLineAsync("usage: companies <count> <file.csv|file.csv.gz> [seed]");
    return 2;
}

var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : CompanyGenerator.DemoSeed;
await using (var file = File.Create(path))
{
    Stream target = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.SmallestSize) : file;
    await using var writer = new StreamWriter(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    CompanyGenerator.FromReferenceData(seed).WriteCsv(writer, count);
}

await Console.Out.WriteLineAsync($"{count} companies (seed {seed}) written to {path}");
return 0;
