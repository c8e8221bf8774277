namespace Zhengzhao.Catalog;

/// <summary>
/// The official Tibet pilot catalogue as the 2018 notice declares it (西藏自治区开展"证照分离"改革试点的具体事项表):
/// 59 items by mode, of which the notice names four. The rest are entered or imported by the reform office;
/// they are never invented here.
/// </summary>
public static class PilotCatalogue
{
    public const string PilotZone = "540172";
    public const string Region = "540000";
    public static readonly DateOnly PilotFrom = new(2018, 7, 20);
    public static readonly DateOnly RegionFrom = new(2018, 10, 1);

    public static readonly IReadOnlyDictionary<ReformMode, int> Declared = new Dictionary<ReformMode, int>
    {
        [ReformMode.Filing] = 1,
        [ReformMode.Commitment] = 11,
        [ReformMode.Transparent] = 21,
        [ReformMode.StrictAccess] = 26,
    };

    public static int DeclaredTotal => Declared.Values.Sum();
}
