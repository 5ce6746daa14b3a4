using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// The first versions the administration starts from (synthetic wording, no persons). They are
/// ordinary data: the administration publishes new versions through <see cref="TemplateLibrary.Publish"/>.
/// </summary>
public static class ReportTemplateDefaults
{
    public const string SupervisionId = "tilsyn-selvejende-dagtilbud";
    public const string StatementId = "bestyrelsesudtalelse";

    public static string IdFor(TemplateKind kind) => kind == TemplateKind.SupervisionReport ? SupervisionId : StatementId;

    /// <summary>A library holding version 1 of both default templates.</summary>
    public static TemplateLibrary Library(Actor by, DateTimeOffset now) =>
        TemplateLibrary.Empty.Publish(SupervisionId, Supervision, by, now)
            .Then(l => l.Publish(StatementId, Statement, by, now)).Ok;

    public static TemplateDefinition Supervision { get; } = new(
        "Bestyrelsens skriftlige afrapportering af tilsyn – selvejende dagtilbud",
        TemplateKind.SupervisionReport,
        [
            new("basistilsyn", "Basistilsyn",
            [
                YesNo("b1", "Overholder dagtilbuddet de aftalte rammer for åbningstid, normering og økonomi i driftsoverenskomsten?"),
                YesNo("b2", "Er brandsyn og legepladseftersyn gennemført og dokumenteret inden for det seneste år?"),
                YesNo("b3", "Er børnemiljøvurderingen (fysisk, psykisk og æstetisk) opdateret inden for de seneste tre år?"),
                YesNo("b4", "Er der indhentet børneattest for alle ansatte og frivillige med fast kontakt til børnene?"),
                new("b5", "Reference til seneste legepladsrapport", AnswerKind.Attachment) { Required = false },
                new("b6", "Bemærkninger til basistilsynet", AnswerKind.Text) { Required = false },
            ]),
            new("kommunale-retningslinjer", "Kommunale retningslinjer",
            [
                YesNo("k1", "Følger dagtilbuddet kommunens retningslinjer for bekymring for børn og underretning?"),
                YesNo("k2", "Følger dagtilbuddet kommunens retningslinjer for sprogvurdering og sprogindsats?"),
                YesNo("k3", "Er kommunens mad- og måltidspolitik omsat i dagtilbuddets praksis?"),
                new("k4", "Hvordan vurderer bestyrelsen dagtilbuddets efterlevelse af de kommunale retningslinjer samlet set?", AnswerKind.Choice)
                {
                    Options = [new("fuldt", "Fuldt efterlevet"), new("delvist", "Delvist efterlevet"), new("ikke", "Ikke efterlevet")],
                },
                new("k5", "Bemærkninger til de kommunale retningslinjer", AnswerKind.Text) { Required = false },
            ]),
            new("paedagogisk-tilsyn", "Pædagogisk tilsyn",
            [
                YesNo("p1", "Er den pædagogiske læreplan evalueret inden for de seneste to år, og er evalueringen offentliggjort?"),
                new("p2", "Beskriv, hvordan dagtilbuddet arbejder med børnenes perspektiv og et godt børnemiljø.", AnswerKind.Text),
                new("p3", "Hvad viser den seneste datapakke, og hvad har bestyrelsen drøftet på baggrund af den?", AnswerKind.Text),
                new("p4", "Bestyrelsens samlede vurdering af den pædagogiske kvalitet", AnswerKind.Choice)
                {
                    Options =
                    [
                        new("tilfredsstillende", "Tilfredsstillende"),
                        new("opmaerksomhed", "Tilfredsstillende med opmærksomhedspunkter"),
                        new("opfoelgning", "Kræver opfølgning"),
                    ],
                },
                new("p5", "Reference til den seneste evaluering af læreplanen", AnswerKind.Attachment) { Required = false },
            ]),
        ]);

    public static TemplateDefinition Statement { get; } = new(
        "Bestyrelsens udtalelse",
        TemplateKind.BoardStatement,
        [
            new("udtalelse", "Bestyrelsens perspektiv",
            [
                new("u1", "Bestyrelsens perspektiv på enhedens data og lokale fokusområder", AnswerKind.Text) { MaxLength = 8000 },
                new("u2", "Hvad ønsker bestyrelsen særligt drøftet eller fremhævet?", AnswerKind.Text) { Required = false },
            ]),
        ]);

    private static TemplateQuestion YesNo(string id, string text) => new(id, text, AnswerKind.YesNo);
}
