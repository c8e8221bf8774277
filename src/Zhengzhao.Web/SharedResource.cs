namespace Zhengzhao.Web;

/// <summary>
/// The anchor of the shared UI strings in Resources/SharedResource.resx: keys are English, the neutral resource is
/// Simplified Chinese, and an English resource file added beside it is all an English UI needs.
/// </summary>
#pragma warning disable CA1052 // Only a type argument for IStringLocalizer<T>.
public sealed class SharedResource;
#pragma warning restore CA1052
