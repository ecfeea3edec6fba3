package dev.pygrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.pygrade.assessment.Assessment;
import dev.pygrade.assessment.AssessmentExport;
import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.AssessmentSpec;
import dev.pygrade.assessment.FeedbackLevel;
import dev.pygrade.assessment.Invitation;
import dev.pygrade.assessment.ResultsTable;
import dev.pygrade.report.CandidateResult;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The instructor's side of assessments, under /api/instructor/: every route needs an
 * instructor's token (pygrade assessment token create) in {@code Authorization: Bearer}, never in
 * the URL. Assessments, invitations (their links shown once), the results table, a candidate's
 * submissions with every grading, exports, regrades and the similarity report, all through
 * {@link AssessmentService}. See docs/api.md.
 */
final class InstructorApi {
    /** Instructors send small JSON bodies: an assessment, a list of names. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> CREATE_FIELDS = Set.of("name", "exercises", "time_allowed_seconds", "opens_at",
            "closes_at", "attempts_allowed", "feedback");
    private static final Map<AssessmentExport.Format, String> CONTENT_TYPES = Map.of(
            AssessmentExport.Format.CSV, "text/csv; charset=utf-8",
            AssessmentExport.Format.JSONL, "application/jsonl; charset=utf-8",
            AssessmentExport.Format.JUNIT, "application/xml; charset=utf-8",
            AssessmentExport.Format.GRADESCOPE, "application/zip");

    private final Optional<AssessmentService> service;

    InstructorApi(Optional<AssessmentService> service) {
        this.service = service;
    }

    /** Before every instructor route: a live instructor token in the Authorization header, or 401. */
    void guard(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : null;
        if (token == null || service().verifyInstructorToken(token).isEmpty()) {
            throw new HttpError(401, header == null
                    ? "this needs an instructor's token in the header Authorization: Bearer pgi_... "
                    + "(pygrade assessment token create NAME makes one)"
                    : "the instructor's token is not valid (revoked, mistyped, or not an instructor's token)",
                    Map.of("WWW-Authenticate", "Bearer realm=\"pygrade\""));
        }
    }

    void list(Context ctx) {
        ObjectNode body = Responses.JSON.createObjectNode();
        ArrayNode all = body.putArray("assessments");
        service().assessments().forEach(assessment -> all.add(AssessmentJson.assessment(assessment)));
        Responses.json(ctx, 200, body);
    }

    /** Creates an assessment from the fields of its JSON shape; 201 with the assessment. */
    void create(Context ctx) throws IOException {
        JsonNode body = jsonBody(ctx, true);
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(field -> {
            if (!CREATE_FIELDS.contains(field)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw new HttpError(400, "unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " (an assessment has " + String.join(", ", CREATE_FIELDS.stream().sorted().toList()) + ")");
        }
        AssessmentSpec spec;
        try {
            spec = new AssessmentSpec(text(body, "name", null), strings(body, "exercises"),
                    Duration.ofSeconds(whole(body, "time_allowed_seconds", null)), time(body, "opens_at"),
                    time(body, "closes_at"), Math.toIntExact(whole(body, "attempts_allowed", 1L)),
                    FeedbackLevel.of(text(body, "feedback", FeedbackLevel.FULL.wire())));
        } catch (IllegalArgumentException | ArithmeticException invalid) {
            throw new HttpError(400, invalid.getMessage());
        }
        Assessment created = service().create(spec);
        Responses.json(ctx, 201, AssessmentJson.assessment(created));
    }

    /**
     * Invites candidates by name: 201 with each one's token and link, shown this once. The links
     * start with "base_url" when the body gives one (the page sends its own origin), else with
     * the address the request was sent to.
     */
    void invite(Context ctx) throws IOException {
        long id = assessmentId(ctx);
        JsonNode body = jsonBody(ctx, true);
        String base = text(body, "base_url", ctx.scheme() + "://" + ctx.host()).replaceAll("/+$", "");
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new HttpError(400, "\"base_url\" must be an http:// or https:// address, not '" + base + "'");
        }
        List<Invitation> invitations = service().invite(id, strings(body, "names"));
        ObjectNode answer = Responses.JSON.createObjectNode();
        ArrayNode out = answer.putArray("invitations");
        invitations.forEach(invitation -> out.add(AssessmentJson.invitation(invitation,
                Optional.of(base + "/a/" + invitation.token()))));
        Responses.json(ctx, 201, answer);
    }

    /** Candidates x exercises: best and last score, attempts, time used. */
    void results(Context ctx) {
        Responses.json(ctx, 200, AssessmentJson.results(service().results(assessmentId(ctx))));
    }

    /** One candidate's submissions, oldest first: code, every grading with every check, receipts. */
    void submissions(Context ctx) {
        long id = assessmentId(ctx);
        String candidate = ctx.pathParam("candidate");
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("assessment", id);
        body.put("candidate", candidate);
        body.set("submissions", AssessmentJson.history(service().history(id, candidate)));
        Responses.json(ctx, 200, body);
    }

    /**
     * The results in a batch's formats (?format=csv|jsonl|junit|gradescope, ?pick=best|last), as a
     * download; gradescope is a zip of CANDIDATE/EXERCISE/results.json.
     */
    void export(Context ctx) throws IOException {
        long id = assessmentId(ctx);
        AssessmentExport.Format format;
        ResultsTable.Pick pick;
        String pickWord = Optional.ofNullable(ctx.queryParam("pick")).orElse("best");
        try {
            format = AssessmentExport.Format.of(Optional.ofNullable(ctx.queryParam("format")).orElse("csv"));
            pick = ResultsTable.Pick.valueOf(pickWord.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException invalid) {
            throw new HttpError(400, invalid.getMessage().startsWith("No enum")
                    ? "pick must be best or last, not '" + pickWord + "'" : invalid.getMessage());
        }
        List<CandidateResult> results = service().exportResults(id, pick);
        byte[] bytes = format.folder() ? zip(results) : stream(format, results);
        String file = "assessment-" + id + switch (format) {
            case CSV -> ".csv";
            case JSONL -> ".jsonl";
            case JUNIT -> ".xml";
            case GRADESCOPE -> "-gradescope.zip";
        };
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        Responses.send(ctx, 200, CONTENT_TYPES.get(format), bytes);
    }

    /**
     * Grades every graded submission again (of one exercise, with {"exercise": ID}) and answers
     * what changed per candidate. The request lasts as long as the gradings.
     */
    void regrade(Context ctx) throws IOException, InterruptedException {
        long id = assessmentId(ctx);
        JsonNode body = jsonBody(ctx, false);
        Optional<String> exercise = Optional.ofNullable(text(body, "exercise", null));
        Responses.json(ctx, 200, AssessmentJson.regrade(service().regrade(id, exercise)));
    }

    /** Pairs of candidates whose last answers are alike, per exercise (?exercise=ID for one): a pointer, not a verdict. */
    void similarity(Context ctx) {
        long id = assessmentId(ctx);
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("assessment", id);
        body.set("exercises", AssessmentJson.similarity(service().similarity(id,
                Optional.ofNullable(ctx.queryParam("exercise")))));
        Responses.json(ctx, 200, body);
    }

    private static byte[] stream(AssessmentExport.Format format, List<CandidateResult> results) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            AssessmentExport.write(format, results, out);
        }
        return bytes.toByteArray();
    }

    /** Gradescope's folder, written by the batch's writer to memory, as a zip. */
    private static byte[] zip(List<CandidateResult> results) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix());
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Path root = memory.getPath("/gradescope");
            for (Path file : AssessmentExport.writeFolder(results, root)) {
                zip.putNextEntry(new ZipEntry(root.relativize(file).toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The {assessment} of the path; a path that is not a number names no assessment. */
    private static long assessmentId(Context ctx) {
        String id = ctx.pathParam("assessment");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            throw HttpError.notFound("no assessment '" + id + "' (assessments are numbered)");
        }
    }

    /** The body as a JSON object; an empty body is an empty object unless one is required. */
    private static JsonNode jsonBody(Context ctx, boolean required) throws IOException {
        byte[] body = Responses.body(ctx, MAX_BODY_BYTES);
        if (body.length == 0 && !required) {
            return Responses.JSON.createObjectNode();
        }
        String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith(SubmissionBody.JSON)) {
            throw new HttpError(415, "send a JSON object as " + SubmissionBody.JSON
                    + (type.isEmpty() ? "" : ", not " + type));
        }
        JsonNode node;
        try {
            node = Responses.JSON.readTree(body);
        } catch (IOException invalid) {
            throw new HttpError(400, "the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new HttpError(400, "the body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode body, String field, String otherwise) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isTextual()) {
            throw new HttpError(400, "\"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    private static long whole(JsonNode body, String field, Long otherwise) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (otherwise == null) {
                throw new HttpError(400, "\"" + field + "\" is required");
            }
            return otherwise;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new HttpError(400, "\"" + field + "\" must be a whole number");
        }
        return value.longValue();
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) {
            throw new HttpError(400, "\"" + field + "\" must be a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new HttpError(400, "\"" + field + "\" must be a list of strings");
            }
            strings.add(item.textValue());
        }
        return strings;
    }

    /** An ISO-8601 time with an offset (2026-03-02T09:00:00Z), or absent. */
    private static Optional<Instant> time(JsonNode body, String field) {
        String value = text(body, field, "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException invalid) {
            throw new HttpError(400, "\"" + field + "\" must be a time with an offset, such as 2026-03-02T09:00:00Z, "
                    + "not '" + value + "'");
        }
    }

    private AssessmentService service() {
        return service.orElseThrow(() -> HttpError.notFound("this server runs no assessments"));
    }
}
