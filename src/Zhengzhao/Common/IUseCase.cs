namespace Zhengzhao.Common;

/// <summary>Marks a use case class so the host registers it; each has one public <c>HandleAsync</c>.</summary>
#pragma warning disable CA1040 // A marker for registration by scanning, deliberately empty.
public interface IUseCase;
#pragma warning restore CA1040
