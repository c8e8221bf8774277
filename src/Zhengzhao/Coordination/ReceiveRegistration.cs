using Zhengzhao.Common;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>
/// A registration as the platform receives it: recorded on the register, then pushed to the departments its scope
/// concerns. A redelivery re-runs the push step too, which completes a notification an earlier delivery left undone.
/// </summary>
public sealed class ReceiveRegistration(RecordRegistration record, PushToDepartments push) : IUseCase
{
    public sealed record Received(RecordRegistration.Recorded Registration, IReadOnlyList<Push> NewPushes);

    public async Task<Result<Received>> HandleAsync(RecordRegistration.Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var recorded = await record.HandleAsync(command, cancellationToken);
        if (!recorded.IsSuccess)
        {
            return recorded.Refusal;
        }

        var pushes = await push.HandleAsync(new(recorded.Value.Uscc, recorded.Value.EventId, command.Actor), cancellationToken);
        return new Received(recorded.Value, pushes);
    }
}
