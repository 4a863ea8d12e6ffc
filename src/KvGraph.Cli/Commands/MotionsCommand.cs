using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Graph;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph motions [filters]</c>: motions with their fate and what was cited since — "which adopted motions did no
/// later document mention?", "what did the cabinet advise against that passed?". Filters, counts and "since the vote"
/// are <see cref="Motions"/>'s, shared with the explorer.
/// </summary>
internal static class MotionsCommand
{
    public static Command Create(CliContext context)
    {
        var outcome = new Option<string?>("--outcome") { Description = "aangenomen, verworpen, aangehouden, ingetrokken, vervallen, or unknown" };
        var party = new Option<string?>("--party") { Description = "A sponsor's party on the motion's date (GL, GroenLinks, …)" };
        var advice = new Option<string?>("--advice") { Description = "The cabinet's appreciation: Ontraden, \"Oordeel Kamer\", Overgenomen, …" };
        var from = new Option<string?>("--from") { Description = "Motions dated on or after (yyyy-MM-dd or yyyy)" };
        var to = new Option<string?>("--to") { Description = "Motions dated on or before (yyyy-MM-dd or yyyy)" };
        var dossier = new Option<string?>("--dossier") { Description = "The dossier (21501-08, 36200-VII)" };
        var neverCited = new Option<bool>("--adopted-never-cited") { Description = "Only adopted motions that no later document cites" };
        var withOutcome = new Option<bool>("--decided") { Description = "Only motions with a known outcome" };
        var limit = new Option<int>("--limit", "-n") { Description = "How many to show (the total is always counted)", DefaultValueFactory = _ => 50 };
        var format = new Option<string>("--format", "-f") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("motions", "Motions with their outcome, votes, the cabinet's advice and who cited them after the vote")
        {
            outcome, party, advice, from, to, dossier, neverCited, withOutcome, limit, format,
        };
        return command.WithAction(result =>
        {
            using var store = context.OpenExistingStore(result);
            using var read = store.BeginRead();
            var filter = new MotionFilter
            {
                Outcome = result.GetValue(outcome),
                SponsorParty = result.GetValue(party),
                CabinetAdvice = result.GetValue(advice),
                From = result.GetValue(from),
                To = result.GetValue(to),
                Dossier = result.GetValue(dossier),
                AdoptedNeverCitedSince = result.GetValue(neverCited),
                WithOutcome = result.GetValue(withOutcome),
            };
            IReadOnlyList<MotionSummary> all;
            try
            {
                all = store.LoadGraph().List(filter);
            }
            catch (DocumentFilterException e)
            {
                throw new CliUserException(e.UserMessage);
            }

            var shown = all.Take(Math.Clamp(result.GetValue(limit), 1, 1_000_000)).ToList();
            switch (result.GetValue(format))
            {
                case "json":
                    Render.Raw(context.Console, Json(shown, all.Count));
                    break;
                case "csv":
                    Render.Raw(context.Console, Csv(shown));
                    break;
                default:
                    Table(context.Console, shown, all.Count);
                    break;
            }

            return 0;
        });
    }

    private static void Table(IAnsiConsole console, IReadOnlyList<MotionSummary> shown, int total)
    {
        var t = new Table().Title("Motions").AddColumns("motion", "date", "outcome", "votes", "cabinet", "sponsors", "cited by", "after vote", "last cited", "title");
        foreach (var m in shown)
        {
            var outcome = m.Outcome is null ? "[grey]?[/]" : m.Disputed ? $"[yellow]{Render.E(m.Outcome)} (disputed)[/]" : Render.E(m.Outcome);
            t.AddRow(
                Render.E(m.Id),
                Render.E(m.Date),
                outcome,
                Render.E(Motions.Counts(m.VotesFor, m.VotesAgainst)),
                Render.E(m.CabinetAdvice),
                Render.E(Sponsors(m)),
                m.CitedBy.ToString(CultureInfo.InvariantCulture),
                m.CitedAfterVote.ToString(CultureInfo.InvariantCulture),
                Render.E(m.LastCited),
                Render.E(Render.Short(m.Title, 60)));
        }

        console.Write(t);
        console.MarkupLine($"{total} motion(s) match; {shown.Count} shown.");
    }

    private static string Sponsors(MotionSummary m) => string.Join("; ", m.Sponsors.Select(s => s.Party is null ? s.Name : $"{s.Name} ({s.Party})"));

    private static string Json(IReadOnlyList<MotionSummary> shown, int total)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("total", total);
            w.WriteStartArray("motions");
            foreach (var m in shown)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("title", m.Title);
                w.WriteString("date", m.Date);
                w.WriteString("outcome", m.Outcome);
                w.WriteString("voteDate", m.VoteDate);
                Count(w, "votesFor", m.VotesFor);
                Count(w, "votesAgainst", m.VotesAgainst);
                w.WriteString("cabinetAdvice", m.CabinetAdvice);
                w.WriteString("dossier", m.Dossier);
                w.WriteBoolean("inCorpus", m.InCorpus);
                w.WriteStartArray("sponsors");
                foreach (var s in m.Sponsors)
                {
                    w.WriteStartObject();
                    w.WriteString("id", s.PersonId);
                    w.WriteString("name", s.Name);
                    w.WriteString("party", s.Party);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("citedBy", m.CitedBy);
                w.WriteNumber("citedAfterVote", m.CitedAfterVote);
                w.WriteString("lastCited", m.LastCited);
                w.WriteBoolean("disputed", m.Disputed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static void Count(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Csv(IReadOnlyList<MotionSummary> shown)
    {
        var sb = new StringBuilder();
        sb.Append("id,date,outcome,vote_date,votes_for,votes_against,cabinet_advice,sponsors,dossier,in_corpus,cited_by,cited_after_vote,last_cited,disputed,title\n");
        foreach (var m in shown)
        {
            string[] cells =
            [
                m.Id, m.Date ?? string.Empty, m.Outcome ?? string.Empty, m.VoteDate ?? string.Empty,
                m.VotesFor?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, m.VotesAgainst?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                m.CabinetAdvice ?? string.Empty, Sponsors(m), m.Dossier ?? string.Empty, m.InCorpus ? "true" : "false",
                m.CitedBy.ToString(CultureInfo.InvariantCulture), m.CitedAfterVote.ToString(CultureInfo.InvariantCulture), m.LastCited ?? string.Empty,
                m.Disputed ? "true" : "false", m.Title ?? string.Empty,
            ];
            sb.AppendJoin(',', cells.Select(Output.CsvCell)).Append('\n');
        }

        return sb.ToString();
    }
}
