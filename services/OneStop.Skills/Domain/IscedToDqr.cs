namespace OneStop.Skills.Domain;

/// <summary>
/// ISCED 2011 to DQR, as the German referencing report places them (school levels approximate: ISCED 3 general
/// → DQR 4, vocational → 4; short tertiary 5 → 5; bachelor 6 → 6; master 7 → 7; doctorate 8 → 8).
/// </summary>
public static class IscedToDqr
{
    public static int Map(int isced) => isced switch
    {
        <= 0 => 1,
        1 => 1,
        2 => 2,
        3 => 4,
        4 => 4,
        5 => 5,
        6 => 6,
        7 => 7,
        _ => 8,
    };
}
