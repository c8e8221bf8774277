namespace Zhengzhao.Common;

/// <summary>The light every list of deadlines shows: on time, close, late. What each colour means is each rule's.</summary>
public enum TrafficLight
{
    Green,
    Yellow,
    Red,
}

public static class TrafficLights
{
    public static string Name(TrafficLight light) => light switch
    {
        TrafficLight.Green => "绿",
        TrafficLight.Yellow => "黄",
        _ => "红",
    };
}
