using System.Text;

namespace Zhengzhao.Coordination;

/// <summary>
/// Finds every catalogue phrase in a business scope (经营范围) in one pass over the text (Aho–Corasick), whatever the
/// number of items and phrases. Text and phrases are read the same way: full-width forms folded, spaces dropped,
/// the 许可项目/一般项目 labels and all punctuation turned into breaks a phrase may not cross. Pure and immutable:
/// build once per catalogue, share between threads.
/// </summary>
public sealed class ScopeMatcher
{
    private const char Break = '\u0001';
    private static readonly string[] Labels = ["许可项目", "一般项目", "经营范围"];

    private readonly Dictionary<long, int> _edges = [];
    private readonly List<int> _fail = [0];
    private readonly List<int[]> _outputs = [[]];
    private readonly List<(int Target, string Phrase)> _patterns;

    /// <param name="phrases">Each phrase with the index of the target (the catalogue item) it points to.</param>
    public ScopeMatcher(IEnumerable<(int Target, string Phrase)> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _patterns = phrases
            .Select(p => (p.Target, Phrase: Normalise(p.Phrase)))
            .Where(p => p.Phrase.Length > 0 && !p.Phrase.Contains(Break, StringComparison.Ordinal))
            .ToList();
        var terminal = new List<List<int>> { new() };
        for (var id = 0; id < _patterns.Count; id++)
        {
            var node = 0;
            foreach (var c in _patterns[id].Phrase)
            {
                if (!_edges.TryGetValue(Key(node, c), out var next))
                {
                    next = _fail.Count;
                    _edges[Key(node, c)] = next;
                    _fail.Add(0);
                    _outputs.Add([]);
                    terminal.Add([]);
                }

                node = next;
            }

            terminal[node].Add(id);
        }

        BuildFailureLinks(terminal);
    }

    public int PhraseCount => _patterns.Count;

    /// <summary>Each target found in the text, once, with the first phrase that found it, in order of appearance.</summary>
    public IReadOnlyList<(int Target, string Phrase)> Match(string? text)
    {
        var found = new List<(int, string)>();
        var seen = new HashSet<int>();
        var node = 0;
        foreach (var c in Normalise(text))
        {
            node = Step(node, c);
            foreach (var id in _outputs[node])
            {
                var (target, phrase) = _patterns[id];
                if (seen.Add(target))
                {
                    found.Add((target, phrase));
                }
            }
        }

        return found;
    }

    /// <summary>The form both phrases and scopes are matched in.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        foreach (var label in Labels)
        {
            text = text.Replace(label, Break.ToString(), StringComparison.Ordinal);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c == '\u3000')
            {
                continue;
            }

            builder.Append(char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c) ? Break : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;

    private int Step(int node, char c)
    {
        while (true)
        {
            if (_edges.TryGetValue(Key(node, c), out var next))
            {
                return next;
            }

            if (node == 0)
            {
                return 0;
            }

            node = _fail[node];
        }
    }

    private void BuildFailureLinks(List<List<int>> terminal)
    {
        // Breadth first, so a node's failure target is finished before the node; each node's outputs are its own
        // phrases plus those of its failure target (the phrases that end at the same place).
        var children = _edges.GroupBy(e => (int)(e.Key >> 16)).ToDictionary(g => g.Key, g => g.Select(e => ((char)(e.Key & 0xFFFF), e.Value)).ToList());
        var queue = new Queue<int>();
        _outputs[0] = [.. terminal[0]];
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!children.TryGetValue(node, out var edges))
            {
                continue;
            }

            foreach (var (c, child) in edges)
            {
                _fail[child] = node == 0 ? 0 : Step(_fail[node], c);
                _outputs[child] = [.. terminal[child], .. _outputs[_fail[child]]];
                queue.Enqueue(child);
            }
        }
    }
}
