using ApiPlace = CaseFlow.Intake.Api.V1.Place;

namespace CaseFlow.Intake.Cases;

/// <summary>A place as the API sends it (where the applicant lives, where a child waits), checked like any input.</summary>
public static class PlaceInput
{
    public const int MaxLength = 200;

    public static Place? Place(this InputCheck check, ApiPlace? place, string field, bool required = false)
    {
        if (place is null || (string.IsNullOrWhiteSpace(place.Country) && string.IsNullOrWhiteSpace(place.City)))
        {
            if (required) check.Add(field, "a country and city are required");
            return null;
        }
        var country = check.Text(place.Country, $"{field}.country", "the country", MaxLength);
        var city = check.Text(place.City, $"{field}.city", max: MaxLength);
        return new Place(country, city);
    }
}
