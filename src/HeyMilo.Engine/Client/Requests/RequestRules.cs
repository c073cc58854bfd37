using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HeyMilo.Client.Requests
{
    /// <summary>
    /// The request schemas of the posting-lifecycle and question operations (heymilo-openapi-v2.json), field by
    /// field, and the check every value goes through before anything is sent: JSON type, length, range and enum
    /// as the document gives them. Cmdlet parameters carry the same limits as attributes (so Get-Help shows them
    /// and the binder refuses early); these rules also cover what attributes cannot see: values from piped
    /// objects, workflow steps, step configs and the questions inside them.
    /// </summary>
    internal static class RequestRules
    {
        public static readonly string[] DeliveryModes = { "exact_delivery", "summarized_delivery", "reference_only", "silent_reference" };
        public static readonly string[] Modalities = { "voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags" };
        public static readonly string[] StepTypes = { "web_interview", "conversational_sms", "resume", "form" };
        public static readonly string[] ResponseFormats = { "text", "freeform", "date", "number" };

        /// <summary>The fields CreatePostingRequest and UpdatePostingRequest give the same limits, after the ones they differ in.</summary>
        private static readonly FieldRule[] PostingFields =
        {
            new FieldRule("interview_process_overview", FieldKind.Text, MaxLength: 10000),
            new FieldRule("company_overview_delivery_mode", FieldKind.Text, Choices: DeliveryModes),
            new FieldRule("job_overview_delivery_mode", FieldKind.Text, Choices: DeliveryModes),
            new FieldRule("interview_process_overview_delivery_mode", FieldKind.Text, Choices: DeliveryModes),
            new FieldRule("phone_number_id", FieldKind.Text),
            new FieldRule("sender_email_id", FieldKind.Text),
            new FieldRule("email_template_group_id", FieldKind.Text),
            new FieldRule("design_template_group_id", FieldKind.Text),
            new FieldRule("redirect_url", FieldKind.Text),
            new FieldRule("scheduling_url", FieldKind.Text),
            new FieldRule("deadline", FieldKind.Timestamp),
            new FieldRule("allow_sms_comms", FieldKind.Boolean),
            new FieldRule("max_retakes", FieldKind.Integer, Minimum: 0, Maximum: 5),
            new FieldRule("retake_cooldown_days", FieldKind.Number, Minimum: 0),
            new FieldRule("email_report_to_candidate", FieldKind.Boolean),
            new FieldRule("metadata", FieldKind.StringMap),
        };

        /// <summary>CreatePostingRequest without workflow (built by <see cref="BuildWorkflow"/>).</summary>
        public static readonly FieldRule[] CreatePosting = new[]
        {
            new FieldRule("title", FieldKind.Text, Required: true, Nullable: false, MinLength: 3, MaxLength: 200),
            new FieldRule("description", FieldKind.Text, Nullable: false, MaxLength: 50000),
            new FieldRule("interview_template_id", FieldKind.Text),
            new FieldRule("name", FieldKind.Text),
            new FieldRule("language", FieldKind.Text, Nullable: false),
            new FieldRule("interviewer_name", FieldKind.Text, Nullable: false),
            new FieldRule("instructions", FieldKind.Text, Nullable: false),
            new FieldRule("company_overview", FieldKind.Text, Nullable: false),
            new FieldRule("job_overview", FieldKind.Text, Nullable: false),
        }.Concat(PostingFields).ToArray();

        /// <summary>UpdatePostingRequest: every field optional; note description's minimum of 10 and the 100/10000 limits create lacks.</summary>
        public static readonly FieldRule[] UpdatePosting = new[]
        {
            new FieldRule("title", FieldKind.Text, MinLength: 3, MaxLength: 200),
            new FieldRule("description", FieldKind.Text, MinLength: 10, MaxLength: 50000),
            new FieldRule("name", FieldKind.Text, MaxLength: 100),
            new FieldRule("language", FieldKind.Text),
            new FieldRule("interviewer_name", FieldKind.Text, MaxLength: 100),
            new FieldRule("instructions", FieldKind.Text, MaxLength: 10000),
            new FieldRule("company_overview", FieldKind.Text, MaxLength: 10000),
            new FieldRule("job_overview", FieldKind.Text, MaxLength: 10000),
        }.Concat(PostingFields).ToArray();

        /// <summary>The fields CreateQuestionRequest and UpdateQuestionRequest share (score_weight 1–10, follow-ups ≥ 0).</summary>
        private static readonly FieldRule[] QuestionFields =
        {
            new FieldRule("evaluation_criteria", FieldKind.Text),
            new FieldRule("score_of_1", FieldKind.Text),
            new FieldRule("score_of_5", FieldKind.Text),
            new FieldRule("score_weight", FieldKind.Integer, Minimum: 1, Maximum: 10),
            new FieldRule("not_scored", FieldKind.Boolean),
            new FieldRule("question_type", FieldKind.Text),
            new FieldRule("min_follow_ups", FieldKind.Integer, Minimum: 0),
            new FieldRule("max_follow_ups", FieldKind.Integer, Minimum: 0),
            new FieldRule("additional_instructions", FieldKind.Text),
            new FieldRule("post_processing_evaluation_criteria", FieldKind.Text),
            new FieldRule("expected_answer", FieldKind.Text),
            new FieldRule("expected_value", FieldKind.Integer),
            new FieldRule("is_dealbreaker", FieldKind.Boolean),
            new FieldRule("answer", FieldKind.Any),
            new FieldRule("is_knockout", FieldKind.Boolean),
            new FieldRule("dropdown_values", FieldKind.StringMapList),
            new FieldRule("is_answer_mandated", FieldKind.Boolean),
            new FieldRule("mcq_type", FieldKind.Text),
            new FieldRule("operator", FieldKind.Text),
            new FieldRule("file_types", FieldKind.StringList),
            new FieldRule("allow_multiple_files", FieldKind.Boolean),
            new FieldRule("slider_min", FieldKind.Number),
            new FieldRule("slider_max", FieldKind.Number),
            new FieldRule("slider_step", FieldKind.Number),
            new FieldRule("response_format", FieldKind.Text, Choices: ResponseFormats),
            new FieldRule("instructions", FieldKind.Text),
            new FieldRule("options", FieldKind.StringList),
            new FieldRule("structured_config", FieldKind.Map),
        };

        /// <summary>CreateQuestionRequest (POST …/questions).</summary>
        public static readonly FieldRule[] CreateQuestion = new[]
        {
            new FieldRule("modality", FieldKind.Text, Required: true, Nullable: false, Choices: Modalities),
            new FieldRule("text", FieldKind.Text, Required: true, Nullable: false),
        }.Concat(QuestionFields).ToArray();

        /// <summary>UpdateQuestionRequest (PATCH …/questions/{id}): the modality cannot change.</summary>
        public static readonly FieldRule[] UpdateQuestion = new[]
        {
            new FieldRule("text", FieldKind.Text),
        }.Concat(QuestionFields).ToArray();

        /// <summary>The fields whose limits differ in <see cref="WorkflowQuestion"/> (its response_format is plain text there).</summary>
        private static readonly Dictionary<string, FieldRule> WorkflowQuestionLimits = new[]
        {
            new FieldRule("score_weight", FieldKind.Integer, Minimum: 0, Maximum: 5),
            new FieldRule("min_follow_ups", FieldKind.Integer, Minimum: 0, Maximum: 5),
            new FieldRule("max_follow_ups", FieldKind.Integer, Minimum: 0, Maximum: 10),
            new FieldRule("additional_instructions", FieldKind.Text, MaxLength: 5000),
            new FieldRule("post_processing_evaluation_criteria", FieldKind.Text, MaxLength: 5000),
            new FieldRule("response_format", FieldKind.Text),
        }.ToDictionary(r => r.Name, StringComparer.Ordinal);

        /// <summary>
        /// CreateQuestion, a question inside a create request's workflow step. The document gives it other limits
        /// than CreateQuestionRequest (score_weight 0–5, follow-ups ≤ 5 and ≤ 10, additional and post-processing instructions ≤ 5000) and no
        /// structured_config; its modality is a plain string there, the six modalities are what it describes.
        /// </summary>
        public static readonly FieldRule[] WorkflowQuestion = new[]
        {
            new FieldRule("modality", FieldKind.Text, Required: true, Nullable: false, Choices: Modalities),
            new FieldRule("text", FieldKind.Text, Required: true, Nullable: false),
        }.Concat(QuestionFields.Where(r => r.Name != "structured_config").Select(r => WorkflowQuestionLimits.TryGetValue(r.Name, out var own) ? own : r)).ToArray();

        private static readonly FieldRule[] CommonStepConfig =
        {
            new FieldRule("instructions", FieldKind.Text, MaxLength: 10000),
            new FieldRule("company_overview", FieldKind.Text, MaxLength: 10000),
            new FieldRule("job_overview", FieldKind.Text, MaxLength: 10000),
            new FieldRule("interview_process_overview", FieldKind.Text, MaxLength: 10000),
            new FieldRule("company_overview_delivery_mode", FieldKind.Text, Choices: DeliveryModes),
            new FieldRule("job_overview_delivery_mode", FieldKind.Text, Choices: DeliveryModes),
            new FieldRule("interview_process_overview_delivery_mode", FieldKind.Text, Choices: DeliveryModes),
        };

        /// <summary>WebInterviewConfig, ConversationalSMSConfig, ResumeConfig and FormConfig, by step type.</summary>
        public static readonly IReadOnlyDictionary<string, FieldRule[]> StepConfig = new Dictionary<string, FieldRule[]>(StringComparer.Ordinal)
        {
            ["web_interview"] = CommonStepConfig.Concat(new[]
            {
                new FieldRule("video", FieldKind.Boolean),
                new FieldRule("voice_id", FieldKind.Text),
                new FieldRule("phone_calls_enabled", FieldKind.Boolean),
                new FieldRule("interview_type", FieldKind.Text),
                new FieldRule("num_questions", FieldKind.Integer, Minimum: 1, Maximum: 25),
                new FieldRule("min_evaluation_score", FieldKind.Number, Minimum: 0, Maximum: 1),
                new FieldRule("prompt_version", FieldKind.Text),
                new FieldRule("is_multilingual", FieldKind.Boolean),
                new FieldRule("cheat_detection_config", FieldKind.Map),
                new FieldRule("web_interview_config", FieldKind.Map),
            }).ToArray(),
            ["conversational_sms"] = CommonStepConfig.Concat(new[]
            {
                new FieldRule("knockout_enabled", FieldKind.Boolean),
                new FieldRule("num_questions", FieldKind.Integer, Minimum: 1, Maximum: 10),
                new FieldRule("intro_message", FieldKind.Text, MaxLength: 500),
                new FieldRule("disqualification_message", FieldKind.Text, MaxLength: 500),
                new FieldRule("follow_up_message", FieldKind.Text, MaxLength: 500),
                new FieldRule("hop_on_call_message", FieldKind.Text, MaxLength: 500),
                new FieldRule("cooldown_period_hrs", FieldKind.Integer, Minimum: 1, Maximum: 168),
                new FieldRule("max_nudge_amount", FieldKind.Integer, Minimum: 0, Maximum: 10),
                new FieldRule("blackout_period", FieldKind.Map),
            }).ToArray(),
            ["resume"] = CommonStepConfig.Concat(new[]
            {
                new FieldRule("knockout_enabled", FieldKind.Boolean),
                new FieldRule("min_evaluation_score", FieldKind.Number, Minimum: 0, Maximum: 1),
                new FieldRule("mandatory", FieldKind.Boolean),
                new FieldRule("num_eligibility_questions", FieldKind.Integer, Minimum: 0, Maximum: 15),
                new FieldRule("num_criteria_questions", FieldKind.Integer, Minimum: 0, Maximum: 15),
            }).ToArray(),
            ["form"] = CommonStepConfig.Concat(new[] { new FieldRule("knockout_enabled", FieldKind.Boolean) }).ToArray(),
        };

        /// <summary>The canonical step type for a type name (any case), or null.</summary>
        public static string? StepType(string? name) => Canonical(StepTypes, name);

        public static string? Modality(string? name) => Canonical(Modalities, name);

        public static FieldRule? Find(IEnumerable<FieldRule> rules, string name)
        {
            foreach (var rule in rules)
                if (string.Equals(rule.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(rule.PropertyName, name, StringComparison.OrdinalIgnoreCase))
                    return rule;
            return null;
        }

        /// <summary>
        /// Checks one value against its rule and returns what goes on the wire (long, double, bool, canonical enum
        /// text, ISO 8601 UTC text, plain dictionaries and lists), or adds a problem naming <paramref name="label"/>.
        /// Numbers and booleans given as text (CSV cells) are read invariantly.
        /// </summary>
        public static bool TryConvert(FieldRule rule, object? value, string label, List<string> problems, out object? wire)
        {
            wire = null;
            if (value is null)
            {
                if (rule.Nullable) return true;
                problems.Add($"{label} cannot be null.");
                return false;
            }
            switch (rule.Kind)
            {
                case FieldKind.Text:
                    if (!(value is string text))
                    {
                        if (value is char c) text = c.ToString();
                        else return Fail(problems, $"{label} must be text, not {Describe(value)}.");
                    }
                    if (rule.Choices != null)
                    {
                        var canonical = Canonical(rule.Choices, text);
                        if (canonical is null) return Fail(problems, $"{label} is '{text}'; it must be one of {string.Join(", ", rule.Choices)}.");
                        text = canonical;
                    }
                    if (rule.MinLength is int min && text.Length < min)
                        return Fail(problems, $"{label} is {text.Length} characters long; at least {min} are required.");
                    if (rule.MaxLength is int max && text.Length > max)
                        return Fail(problems, $"{label} is {text.Length} characters long; at most {max} are allowed.");
                    wire = text;
                    return true;

                case FieldKind.Integer:
                    if (!TryInteger(value, out var integer)) return Fail(problems, $"{label} must be a whole number, not {Describe(value)}.");
                    if (!InRange(rule, integer, label, problems)) return false;
                    wire = integer;
                    return true;

                case FieldKind.Number:
                    if (!TryNumber(value, out var number)) return Fail(problems, $"{label} must be a number, not {Describe(value)}.");
                    if (!InRange(rule, number, label, problems)) return false;
                    wire = number;
                    return true;

                case FieldKind.Boolean:
                    if (value is bool b)
                    {
                        wire = b;
                        return true;
                    }
                    if (value is string flag && bool.TryParse(flag.Trim(), out var parsed))
                    {
                        wire = parsed;
                        return true;
                    }
                    return Fail(problems, $"{label} must be $true or $false, not {Describe(value)}.");

                case FieldKind.Timestamp:
                    switch (value)
                    {
                        case DateTimeOffset dto:
                            wire = HeyMiloClient.ApiTimestamp(dto);
                            return true;
                        case DateTime dt:
                            wire = HeyMiloClient.ApiTimestamp(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Local)) : new DateTimeOffset(dt));
                            return true;
                        case string when1 when DateTimeOffset.TryParse(when1, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var parsedWhen):
                            wire = HeyMiloClient.ApiTimestamp(parsedWhen);
                            return true;
                    }
                    return Fail(problems, $"{label} must be a date and time (DateTime, DateTimeOffset or ISO 8601 text), not {Describe(value)}.");

                case FieldKind.StringMap:
                    if (!(value is IDictionary map)) return Fail(problems, $"{label} must be a hashtable of text values, not {Describe(value)}.");
                    var strings = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in map)
                    {
                        if (!(entry.Value is string s)) return Fail(problems, $"{label}: the value of '{entry.Key}' must be text, not {Describe(entry.Value)}.");
                        strings[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = s;
                    }
                    wire = strings;
                    return true;

                case FieldKind.Map:
                    if (!(value is IDictionary any)) return Fail(problems, $"{label} must be a hashtable, not {Describe(value)}.");
                    wire = PlainMap(any);
                    return true;

                case FieldKind.StringList:
                    if (value is string single)
                    {
                        wire = new[] { single };
                        return true;
                    }
                    if (!(value is IEnumerable items) || value is IDictionary) return Fail(problems, $"{label} must be a list of text, not {Describe(value)}.");
                    var list = new List<string>();
                    foreach (var item in items)
                    {
                        if (!(item is string itemText)) return Fail(problems, $"{label} must be a list of text; it holds {Describe(item)}.");
                        list.Add(itemText);
                    }
                    wire = list.ToArray();
                    return true;

                case FieldKind.StringMapList:
                    var maps = new List<Dictionary<string, string>>();
                    var entries = value is IDictionary lone ? new object[] { lone } : value as IEnumerable;
                    if (entries is null || value is string) return Fail(problems, $"{label} must be a list of hashtables of text, not {Describe(value)}.");
                    foreach (var item in entries)
                    {
                        if (!(item is IDictionary option)) return Fail(problems, $"{label} must be a list of hashtables of text; it holds {Describe(item)}.");
                        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
                        foreach (DictionaryEntry entry in option)
                        {
                            if (!(entry.Value is string s)) return Fail(problems, $"{label}: the value of '{entry.Key}' must be text, not {Describe(entry.Value)}.");
                            pairs[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = s;
                        }
                        maps.Add(pairs);
                    }
                    wire = maps.ToArray();
                    return true;

                default:
                    wire = value is IDictionary dictionary ? PlainMap(dictionary) : value;
                    return true;
            }
        }

        /// <summary>
        /// Checks a map of fields (a step config, a question inside a workflow): every key must be a field of
        /// <paramref name="rules"/> (when <paramref name="strict"/>: a hashtable the user typed; otherwise keys no
        /// field names are dropped) and every value must fit it. Keys are sent with the rule's wire name.
        /// </summary>
        public static Dictionary<string, object?> CheckMap(IReadOnlyList<FieldRule> rules, IDictionary map, bool strict, string label, List<string> problems)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in map)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var rule = Find(rules, key);
                if (rule is null)
                {
                    if (strict) problems.Add($"{label} has no field '{key}'; the allowed fields are {string.Join(", ", rules.Select(r => r.Name))}.");
                    continue;
                }
                if (TryConvert(rule, entry.Value, $"{label}.{rule.Name}", problems, out var wire)) result[rule.Name] = wire;
            }
            foreach (var rule in rules)
                if (rule.Required && !result.ContainsKey(rule.Name) && !problems.Any(p => p.StartsWith($"{label}.{rule.Name} ", StringComparison.Ordinal)))
                    problems.Add($"{label} needs '{rule.Name}'.");
            return result;
        }

        /// <summary>
        /// Builds the workflow of a create request: each step is a step type name, a hashtable the user typed
        /// (type, config, questions; checked strictly) or an object (a posting's WorkflowStep, a PSCustomObject;
        /// its fields that are not type, config or questions are ignored, and so are config keys no schema names).
        /// </summary>
        public static List<Dictionary<string, object?>> BuildWorkflow(IEnumerable<object?> steps, List<string> problems)
        {
            var workflow = new List<Dictionary<string, object?>>();
            var index = 0;
            // "resume, web_interview" in one string (a CSV cell) is two steps.
            var expanded = steps.SelectMany(s => s is string text && text.IndexOfAny(s_stepSeparators) >= 0
                ? text.Split(s_stepSeparators, StringSplitOptions.RemoveEmptyEntries).Select(t => (object?)t.Trim())
                : new[] { s });
            foreach (var item in expanded)
            {
                index++;
                var label = "workflow step " + index.ToString(CultureInfo.InvariantCulture);
                if (item is string name)
                {
                    var type = StepType(name);
                    if (type is null) problems.Add($"{label} is '{name}'; a step type is one of {string.Join(", ", StepTypes)}.");
                    else workflow.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = type });
                    continue;
                }
                if (!(item is IDictionary fields))
                {
                    problems.Add($"{label} must be a step type name, a hashtable (type, config, questions) or a workflow step object, not {Describe(item)}.");
                    continue;
                }
                var strict = !(item is PropertyBag);
                object? typeValue = null, config = null, questions = null;
                foreach (DictionaryEntry entry in fields)
                {
                    var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    if (string.Equals(key, "type", StringComparison.OrdinalIgnoreCase)) typeValue = entry.Value;
                    else if (string.Equals(key, "config", StringComparison.OrdinalIgnoreCase)) config = entry.Value;
                    else if (string.Equals(key, "questions", StringComparison.OrdinalIgnoreCase)) questions = entry.Value;
                    else if (strict) problems.Add($"{label} has no field '{key}'; a step has type, config and questions.");
                }
                var stepType = StepType(typeValue as string);
                if (stepType is null)
                {
                    problems.Add(typeValue is null
                        ? $"{label} has no type; it is one of {string.Join(", ", StepTypes)}."
                        : $"{label} has type '{typeValue}'; it must be one of {string.Join(", ", StepTypes)}.");
                    continue;
                }
                label += " (" + stepType + ")";
                var step = new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = stepType };
                if (config is IDictionary configMap)
                {
                    if (configMap.Count > 0) step["config"] = CheckMap(StepConfig[stepType], configMap, strict, label + " config", problems);
                }
                else if (config != null) problems.Add($"{label} config must be a hashtable, not {Describe(config)}.");
                if (questions != null)
                {
                    var list = new List<Dictionary<string, object?>>();
                    var q = 0;
                    foreach (var question in questions is IEnumerable many && !(questions is string) && !(questions is IDictionary) ? many.Cast<object?>() : new[] { questions })
                    {
                        q++;
                        var questionLabel = $"{label} question {q.ToString(CultureInfo.InvariantCulture)}";
                        if (question is IDictionary questionMap)
                            list.Add(CheckMap(WorkflowQuestion, questionMap, strict && !(question is PropertyBag), questionLabel, problems));
                        else
                            problems.Add($"{questionLabel} must be a hashtable or a question object, not {Describe(question)}.");
                    }
                    step["questions"] = list;
                }
                workflow.Add(step);
            }
            return workflow;
        }

        private static readonly char[] s_stepSeparators = { ',', ';', ' ', '|' };

        private static bool InRange(FieldRule rule, double value, string label, List<string> problems)
        {
            if ((rule.Minimum is double min && value < min) || (rule.Maximum is double max && value > max))
            {
                var range = rule.Maximum is double top
                    ? string.Format(CultureInfo.InvariantCulture, "from {0} to {1}", rule.Minimum ?? double.NegativeInfinity, top)
                    : string.Format(CultureInfo.InvariantCulture, "at least {0}", rule.Minimum);
                problems.Add(string.Format(CultureInfo.InvariantCulture, "{0} is {1}; the API allows {2}.", label, value, range));
                return false;
            }
            return true;
        }

        private static bool TryInteger(object value, out long integer)
        {
            switch (value)
            {
                case int i: integer = i; return true;
                case long l: integer = l; return true;
                case short s: integer = s; return true;
                case byte b: integer = b; return true;
                case sbyte sb: integer = sb; return true;
                case ushort us: integer = us; return true;
                case uint ui: integer = ui; return true;
                case ulong ul when ul <= long.MaxValue: integer = (long)ul; return true;
                case double d when Math.Floor(d) == d && Math.Abs(d) < 9e15: integer = (long)d; return true;
                case float f when Math.Floor(f) == f && Math.Abs(f) < 9e15: integer = (long)f; return true;
                case decimal m when decimal.Truncate(m) == m && Math.Abs(m) < 9e15m: integer = (long)m; return true;
                case string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed): integer = parsed; return true;
            }
            integer = 0;
            return false;
        }

        private static bool TryNumber(object value, out double number)
        {
            switch (value)
            {
                case double d when !double.IsNaN(d) && !double.IsInfinity(d): number = d; return true;
                case float f when !float.IsNaN(f) && !float.IsInfinity(f): number = f; return true;
                case decimal m: number = (double)m; return true;
                case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsNaN(parsed) && !double.IsInfinity(parsed):
                    number = parsed;
                    return true;
            }
            if (TryInteger(value, out var integer))
            {
                number = integer;
                return true;
            }
            number = 0;
            return false;
        }

        private static Dictionary<string, object?> PlainMap(IDictionary map)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in map)
                result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value is IDictionary inner ? PlainMap(inner) : entry.Value;
            return result;
        }

        private static string? Canonical(string[] choices, string? value)
        {
            if (value is null) return null;
            foreach (var choice in choices)
                if (string.Equals(choice, value, StringComparison.OrdinalIgnoreCase)) return choice;
            return null;
        }

        private static bool Fail(List<string> problems, string problem)
        {
            problems.Add(problem);
            return false;
        }

        internal static string Describe(object? value)
        {
            switch (value)
            {
                case null: return "null";
                case string s: return "'" + (s.Length > 40 ? s.Substring(0, 40) + "…" : s) + "'";
                case bool b: return b ? "$true" : "$false";
                case IDictionary _: return "a hashtable";
                case IEnumerable _: return "a list";
            }
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            var type = value.GetType().Name;
            return text is null || text == value.GetType().FullName ? "a " + type : $"{text} ({type})";
        }
    }
}
