using Microsoft.Extensions.DependencyInjection;

namespace Zhengzhao.Deadlines;

/// <summary>
/// The deadlines open on <see cref="Today"/> and falling due by <see cref="DueBy"/> (every overdue one included), of one
/// department or one company when named (with a department, a <see cref="WindowRegion"/> adds what the comprehensive
/// window of that region must do for every department), and only the warned ones when <see cref="WarnedOnly"/>. A matter's deadlines
/// come together: once its next one falls in the window, the later ones of the same matter are listed too, so that
/// whoever is told of a passed deadline learns what still follows.
/// </summary>
public sealed record DeadlineWindow(DateOnly Today, DateOnly DueBy, string? DepartmentCode, string? Uscc, bool WarnedOnly)
{
    public string? WindowRegion { get; init; }
}

/// <summary>
/// A module's open deadlines, read from its own tables. Each module that keeps a deadline implements one; the surface
/// (<see cref="ListOpenDeadlines"/>) asks them all, so no module reads another's state to learn what is due.
/// </summary>
public interface IDeadlineSource
{
    /// <summary>At most <paramref name="limit"/> deadlines, the earliest due first.</summary>
    Task<IReadOnlyList<OpenDeadline>> OpenAsync(DeadlineWindow window, int limit, CancellationToken cancellationToken);
}

public static class DeadlineRegistration
{
    /// <summary>Registers every module's <see cref="IDeadlineSource"/>, so a new module's deadlines join the list by existing.</summary>
    public static IServiceCollection AddDeadlineSources(this IServiceCollection services)
    {
        foreach (var type in typeof(IDeadlineSource).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDeadlineSource).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(IDeadlineSource), type);
        }

        return services;
    }
}
