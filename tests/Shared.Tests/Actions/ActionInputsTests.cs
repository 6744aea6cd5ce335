using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class ActionInputsTests
{
    private static ActionInputs Inputs(Dictionary<string, string>? environment = null, params string[] args) => Inputs(environment, insideRun: false, args);

    private static ActionInputs Inputs(Dictionary<string, string>? environment, bool insideRun, params string[] args)
    {
        var commandLine = CommandLine.Parse(args, TestManifest.Manifest, new Dictionary<string, string> { ["export"] = "report-path" });
        var values = InputValues.Gather(TestManifest.Manifest, environment ?? [], commandLine.Values, insideRun);
        return new ActionInputs(TestManifest.Manifest, values, commandLine.Arguments);
    }

    [Fact]
    public void Runner_variables_are_upper_cased_with_dashes_kept_and_spaces_as_underscores()
    {
        Assert.Equal("INPUT_SERVICE-URL", InputValues.VariableName("service-url"));
        Assert.Equal("INPUT_NAME_WITH_SPACE", InputValues.VariableName("name with space"));

        var inputs = Inputs(new() { ["INPUT_SERVICE-URL"] = " http://svc:9000 ", ["INPUT_NAME_WITH_SPACE"] = "yes" });

        Assert.Equal("http://svc:9000", inputs.GetInput("service-url"));
        Assert.Equal("yes", inputs.GetInput("name with space"));
    }

    [Fact]
    public void Precedence_is_flag_then_runner_variable_then_default()
    {
        Assert.Equal("3", Inputs().GetInput("attempts"));
        Assert.Equal("5", Inputs(new() { ["INPUT_ATTEMPTS"] = "5" }).GetInput("attempts"));
        Assert.Equal("7", Inputs(new() { ["INPUT_ATTEMPTS"] = "5" }, "--attempts", "7").GetInput("attempts"));
        Assert.Equal("9", Inputs(null, "--attempts=9").GetInput("attempts"));
    }

    [Fact]
    public void Empty_runner_variable_counts_as_not_given()
    {
        Assert.Equal("3", Inputs(new() { ["INPUT_ATTEMPTS"] = string.Empty }).GetInput("attempts"));
    }

    [Fact]
    public void Empty_runner_variable_inside_a_run_is_what_the_workflow_gave_not_the_default()
    {
        // The runner sets every input (defaults applied); an empty one came from the workflow, e.g. an empty expression.
        var inputs = Inputs(new() { ["INPUT_LABELS"] = string.Empty, ["INPUT_ATTEMPTS"] = "4" }, insideRun: true);

        var error = Assert.Throws<InputException>(() => inputs.GetInput("labels", required: true));
        Assert.Equal("labels", error.Input);
        Assert.Contains("it was given empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, inputs.GetInput("labels"));
        Assert.Equal("4", inputs.GetInput("attempts"));
        Assert.Equal("http://localhost:8080", inputs.GetInput("service-url"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("tRuE", true)]
    [InlineData("False", false)]
    [InlineData("fALSE", false)]
    public void Booleans_are_true_or_false_in_any_case(string text, bool expected) =>
        Assert.Equal(expected, Inputs(null, "--dry-run=" + text).GetBoolInput("dry-run"));

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData(" ")]
    public void Anything_else_for_a_boolean_is_bad_input(string text)
    {
        var error = Assert.Throws<InputException>(() => Inputs(new() { ["INPUT_DRY-RUN"] = text }, insideRun: true).GetBoolInput("dry-run"));
        Assert.Equal("dry-run", error.Input);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("no")]
    [InlineData("off")]
    public void A_switch_followed_by_another_boolean_word_takes_it_as_its_value_and_rejects_it(string word)
    {
        var inputs = Inputs(null, "--dry-run", word);

        Assert.Empty(inputs.Arguments);
        var error = Assert.Throws<InputException>(() => inputs.GetBoolInput("dry-run"));
        Assert.Contains($"'{word}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_argument_is_bad_input_when_the_command_takes_none()
    {
        var error = Assert.Throws<InputException>(() => CommandLine.Parse(["--attempts", "3", "stray"], TestManifest.Manifest, acceptsArguments: false));
        Assert.Contains("takes no plain arguments", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stray", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_flag_turns_a_boolean_input_on_and_aliases_reach_their_input()
    {
        var inputs = Inputs(null, "--dry-run", "--export", "out.json", "a.yml", "b.yml");

        Assert.True(inputs.GetBoolInput("dry-run"));
        Assert.Equal("out.json", inputs.GetInput("report-path"));
        Assert.Equal(["a.yml", "b.yml"], inputs.Arguments);
    }

    [Fact]
    public void Multiline_and_list_inputs_split_and_trim()
    {
        Assert.Equal(["environment=testing", "managed-by=ci"], Inputs().GetMultilineInput("labels"));
        Assert.Equal(["a=1", "b=2", "c=3"], Inputs(null, "--labels", " a=1, b=2\nc=3 ,").GetListInput("labels"));
    }

    [Fact]
    public void Bad_boolean_names_the_input_the_value_and_what_was_expected()
    {
        var error = Assert.Throws<InputException>(() => Inputs(null, "--dry-run=maybe").GetBoolInput("dry-run"));
        Assert.Equal("Input 'dry-run' has the value 'maybe': expected true or false.", error.Message);
    }

    [Fact]
    public void Out_of_range_number_names_the_range()
    {
        var error = Assert.Throws<InputException>(() => Inputs(null, "--attempts", "0").GetIntInput("attempts", 1, 100));
        Assert.Contains("'attempts'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'0'", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 1 to 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_input_missing_says_it_is_required()
    {
        var error = Assert.Throws<InputException>(() => Inputs().GetInput("report-path", required: true));
        Assert.Contains("'report-path' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_secret_value_is_not_echoed()
    {
        var inputs = Inputs(new() { ["INPUT_UPLOAD-TOKEN"] = "s3cr3t-value" });
        var error = inputs.Invalid("upload-token", "s3cr3t-value", "a token");
        Assert.DoesNotContain("s3cr3t-value", error.Message, StringComparison.Ordinal);
        Assert.Equal(["s3cr3t-value"], inputs.SecretValues);
    }

    [Fact]
    public void Reading_an_undeclared_input_is_a_programming_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Inputs().GetInput("not-declared"));
        Assert.Contains("action.yml does not declare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unread_inputs_lists_what_the_code_never_asked_for()
    {
        var inputs = Inputs();
        inputs.GetInput("service-url");
        inputs.GetInput("attempts");

        Assert.Equal(["dry-run", "report-path", "upload-token", "labels", "name with space"], inputs.UnreadInputs);
    }

    [Fact]
    public void Unknown_flag_is_bad_input_and_suggests_the_closest_name()
    {
        var error = Assert.Throws<InputException>(() => Inputs(null, "--atempts", "3"));
        Assert.Contains("--atempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean --attempts?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--upload-tokn", "SECRETTOKEN")]
    [InlineData("--upload-tokn=SECRETTOKEN")]
    public void Unknown_flag_never_echoes_its_value(params string[] args)
    {
        var error = Assert.Throws<InputException>(() => Inputs(null, args));
        Assert.DoesNotContain("SECRETTOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("--upload-tokn", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30m", 30 * 60)]
    [InlineData("6h", 6 * 3600)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("10s", 10)]
    [InlineData("5", 5)]
    [InlineData(" 0.5 ", 0.5)]
    [InlineData("500ms", 0.5)]
    [InlineData("1w", 7 * 86400)]
    public void Durations_parse(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("stop-timeout", "2m", null)]
    [InlineData("stop-timeout", "0", null)]
    [InlineData("stop-timeout", "2h", "at most 1h")]
    [InlineData("response-timeout", "0", "more than zero")]
    [InlineData("response-timeout", "soon", "seconds (such as 10 or 0.5) or a whole number with a unit")]
    public void Get_duration_input_applies_the_one_rule_with_the_callers_bounds(string input, string value, string? problem)
    {
        var manifest = ActionManifest.Parse("inputs:\n  stop-timeout:\n    description: x\n  response-timeout:\n    description: y\n");
        var inputs = new ActionInputs(manifest, new Dictionary<string, string> { [input] = value });
        var allowZero = input == "stop-timeout";

        if (problem is null)
        {
            Assert.True(inputs.GetDurationInput(input, TimeSpan.FromHours(1), allowZero) >= TimeSpan.Zero);
        }
        else
        {
            var error = Assert.Throws<InputException>(() => inputs.GetDurationInput(input, TimeSpan.FromHours(1), allowZero));
            Assert.Contains($"Input '{input}' has the value '{value}'", error.Message, StringComparison.Ordinal);
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://hooks.example.com/x", true)]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("ftp://example.com/", false)]
    [InlineData("example.com", false)]
    [InlineData("https://user:hunter2@", false)]
    public void Get_optional_url_input_accepts_only_absolute_http_urls_and_never_echoes_a_secret(string value, bool valid)
    {
        var manifest = ActionManifest.Parse("inputs:\n  webhook:\n    description: (secret) a hook\n  site:\n    description: a site\n");
        var inputs = new ActionInputs(manifest, new Dictionary<string, string> { ["webhook"] = value, ["site"] = value });

        if (valid)
        {
            Assert.Equal(new Uri(value), inputs.GetOptionalUrlInput("webhook"));
            return;
        }

        var secret = Assert.Throws<InputException>(() => inputs.GetOptionalUrlInput("webhook"));
        var plain = Assert.Throws<InputException>(() => inputs.GetOptionalUrlInput("site"));
        Assert.Contains("Input 'webhook' has the value '***'", secret.Message, StringComparison.Ordinal);
        Assert.Contains(HttpUrl.Expected, plain.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", plain.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documented_default_is_the_default_the_description_ends_with()
    {
        var manifest = ActionManifest.Parse("inputs:\n  timeout:\n    description: Seconds. Falls back to the config file (default 10).\n  name:\n    description: A name.\n");
        var inputs = new ActionInputs(manifest, new Dictionary<string, string>());

        Assert.Equal("10", inputs.DocumentedDefault("timeout"));
        Assert.Throws<InvalidOperationException>(() => inputs.DocumentedDefault("name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5m")]
    [InlineData("-5")]
    [InlineData("1.5m")]
    [InlineData("5 minutes")]
    [InlineData("1.5h")]
    public void Bad_durations_do_not_parse(string text) => Assert.False(DurationParser.TryParse(text, out _));
}
