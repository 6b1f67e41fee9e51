using OneStop.Directory.V1;
using static OneStop.Directory.Domain.Validation.FieldRules;

namespace OneStop.Directory.Domain.Validation;

/// <summary>Checks read requests: ids, languages and the search filters.</summary>
public static class RequestValidator
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxSearchText = 200;

    public static void ValidateGet(string id, string language)
    {
        Id("id", id);
        OptionalLanguageTag("language", language);
    }

    /// <summary>Validates and returns the effective page size (0 means the default).</summary>
    public static int ValidateSearch(SearchServicesRequest r)
    {
        AllDefined("topics", r.Topics);
        OptionalLanguage("language", r.Language);
        if (r.MunicipalityAgs.Length > 0) Ags("municipality_ags", r.MunicipalityAgs, 8);
        if (r.HasAge) Range("age", r.Age, 0, 130);
        AllDefined("agency_types", r.AgencyTypes);
        AllDefined("attending_types", r.AttendingTypes);
        Text("text", r.Text, MaxSearchText);
        OptionalLanguageTag("response_language", r.ResponseLanguage);
        Range("page_size", r.PageSize, 0, MaxPageSize);
        Text("page_token", r.PageToken, 200);
        return r.PageSize == 0 ? DefaultPageSize : r.PageSize;
    }

    public static void ValidateDelete(DeleteRequest r)
    {
        Id("id", r.Id);
    }

    public static void ValidateListRegions(ListRegionsRequest r)
    {
        if (r.ParentAgs.Length > 0) Text("parent_ags", r.ParentAgs, 16);
        Defined("level", r.Level);
    }
}
