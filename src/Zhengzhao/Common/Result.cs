using System.Diagnostics.CodeAnalysis;

namespace Zhengzhao.Common;

/// <summary>
/// An expected refusal: the request was understood and declined for a reason the user can act on.
/// <see cref="Type"/> is stable (it becomes the RFC 9457 problem type); <see cref="Detail"/> is Chinese for people.
/// </summary>
public sealed record Refusal(string Type, string Title, string Detail, RefusalKind Kind = RefusalKind.Invalid)
{
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>For a refusal of kind <see cref="RefusalKind.TooManyRequests"/>: when the caller may try again.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>How a refusal maps to HTTP: which family of answer it is, not a status code, so the core stays HTTP-free.</summary>
public enum RefusalKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    Unauthenticated,
    TooManyRequests,
}

public readonly record struct Result<T>
{
    private Result(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsSuccess => Refusal is null;

    /// <summary>The value made into something else, or the same refusal.</summary>
    public Result<TOut> Then<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Refusal is null ? map(Value!) : Refusal;
    }

#pragma warning disable CA2225 // The implicit conversions are the one way to return from a use case.
    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Refusal refusal) => new(default, refusal);
#pragma warning restore CA2225
}
