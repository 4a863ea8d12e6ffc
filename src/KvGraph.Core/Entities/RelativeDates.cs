namespace KvGraph.Core.Entities;

/// <summary>
/// Resolves dates written without a year ("11 maart jl.", "begin maart", "op 22 maart") against what is
/// known about the document: its reference date (answered, else dated, else submitted) or, failing that,
/// the year inferred from its zaak number.
/// </summary>
public static class RelativeDates
{
    /// <summary>
    /// The year of a past date written without one ("jl." = jongstleden, the most recent such day):
    /// the reference year, or the year before when that would put the date after the reference date
    /// ("18 november jl." in an answer of April 2021 is 2020-11-18). Without a reference date the inferred
    /// year is used as is, since the month of the document is unknown. Null when neither is known.
    /// </summary>
    /// <param name="month">1..12.</param>
    /// <param name="day">Day of the month, or null for a whole month ("maart jl.").</param>
    public static int? PastYear(int month, int? day, DateOnly? reference, int? inferredYear)
    {
        if (reference is { } r)
        {
            var after = month > r.Month || (month == r.Month && day is { } d && d > r.Day);
            return after ? r.Year - 1 : r.Year;
        }

        return inferredYear;
    }

    /// <summary>
    /// The year of a date written without a year and without "jl." ("op 22 maart", "begin maart"): usually
    /// the document's own year, in either direction (it may announce a meeting). Only a date more than three
    /// months after the reference is taken to be from the year before ("op 16 december" in a January answer).
    /// </summary>
    public static int? NearYear(int month, int? day, DateOnly? reference, int? inferredYear)
    {
        if (reference is { } r)
        {
            var candidate = new DateOnly(r.Year, month, Math.Min(day ?? 1, DateTime.DaysInMonth(r.Year, month)));
            return candidate > r.AddMonths(3) ? r.Year - 1 : r.Year;
        }

        return inferredYear;
    }
}
