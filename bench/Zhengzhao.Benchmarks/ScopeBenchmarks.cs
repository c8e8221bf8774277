using BenchmarkDotNet.Attributes;
using Zhengzhao.Coordination;

namespace Zhengzhao.Benchmarks;

/// <summary>
/// Scope analysis at catalogue scale: 1,000 items of 20 phrases each, against realistic business scopes (a few
/// permit phrases among general items). The baseline is the naive scan: for each item, for each phrase,
/// <c>scope.Contains(phrase)</c>. One operation analyses <see cref="BatchSize"/> scopes.
/// </summary>
[MemoryDiagnoser]
public class ScopeBenchmarks
{
    public const int BatchSize = 100;

    private static readonly string[] Trades = ["食品", "餐饮", "药品", "医疗器械", "建筑", "运输", "印刷", "出版物", "旅游", "娱乐", "燃气", "化工", "饲料", "兽药", "保安", "人力资源", "电影", "网络", "文化", "体育"];
    private static readonly string[] Acts = ["销售", "经营", "零售", "批发", "生产", "加工", "服务", "制造", "租赁", "咨询"];
    private static readonly string[] General = ["日用百货销售", "文具用品零售", "办公设备租赁服务", "信息咨询服务", "会议及展览服务", "家用电器销售", "五金产品零售", "技术服务、技术开发、技术咨询"];

    private List<(int Target, string Phrase)> _phrases = [];
    private List<string[]> _byItem = [];
    private ScopeMatcher _matcher = null!;
    private string[] _scopes = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20181001);
        _byItem = Enumerable.Range(0, 1000)
            .Select(item => Enumerable.Range(0, 20).Select(p => $"{Trades[random.Next(Trades.Length)]}{Acts[random.Next(Acts.Length)]}{item:x3}{p:x2}").ToArray())
            .ToList();
        _phrases = [.. _byItem.SelectMany((phrases, item) => phrases.Select(p => (item, p)))];
        _matcher = new ScopeMatcher(_phrases);
        _scopes = Enumerable.Range(0, BatchSize).Select(_ =>
        {
            var permits = Enumerable.Range(0, 3).Select(_ => _byItem[random.Next(_byItem.Count)][random.Next(20)]);
            var general = Enumerable.Range(0, 6).Select(_ => General[random.Next(General.Length)]);
            return $"许可项目：{string.Join("；", permits)}。（依法须经批准的项目，经相关部门批准后方可开展经营活动）一般项目：{string.Join("；", general)}。";
        }).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public int NaiveContainsScan()
    {
        var found = 0;
        foreach (var scope in _scopes)
        {
            for (var item = 0; item < _byItem.Count; item++)
            {
                foreach (var phrase in _byItem[item])
                {
                    if (scope.Contains(phrase, StringComparison.Ordinal))
                    {
                        found++;
                        break;
                    }
                }
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int AhoCorasick()
    {
        var found = 0;
        foreach (var scope in _scopes)
        {
            found += _matcher.Match(scope).Count;
        }

        return found;
    }

    /// <summary>Building the automaton for the whole catalogue (once a minute at most, and after catalogue changes).</summary>
    [Benchmark]
    public ScopeMatcher Build() => new(_phrases);
}
