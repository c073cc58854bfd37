using System.Collections;
using System.Collections.Generic;
using HeyMilo.Client.Requests;
using Xunit;

namespace HeyMilo.Engine.Tests
{
    /// <summary>A workflow step's config change checked without PowerShell: by step type, or by order against every type.</summary>
    public class WorkflowStepChangeTests
    {
        [Theory]
        [InlineData("WEB_INTERVIEW", "web_interview")]
        [InlineData("2", "2")]
        [InlineData("0", null)]
        [InlineData("-1", null)]
        [InlineData("video", null)]
        public void A_step_is_a_type_or_a_1_based_order(string given, string? expected) =>
            Assert.Equal(expected, WorkflowStepChange.StepId(given));

        [Fact]
        public void A_step_type_checks_its_own_keys_strictly()
        {
            var problems = new List<string>();
            var config = WorkflowStepChange.CheckConfig("resume", new Hashtable { ["voice_id"] = "v1" }, problems);

            Assert.Empty(config);
            Assert.Single(problems, p => p.StartsWith("-Config has no field 'voice_id'", System.StringComparison.Ordinal));
        }

        [Fact]
        public void An_order_takes_a_key_some_step_type_has_and_refuses_one_none_has()
        {
            var problems = new List<string>();
            var config = WorkflowStepChange.CheckConfig("1", new Hashtable { ["num_questions"] = 20 }, problems);
            Assert.Empty(problems);
            Assert.Equal(20L, config["num_questions"]);

            WorkflowStepChange.CheckConfig("1", new Hashtable { ["nonsense"] = 1 }, problems);
            Assert.Single(problems, p => p.StartsWith("-Config has 'nonsense', which is not a config key of any step type", System.StringComparison.Ordinal));
        }

        [Fact]
        public void An_empty_config_changes_nothing_and_says_so()
        {
            var problems = new List<string>();
            WorkflowStepChange.CheckConfig("form", new Hashtable(), problems);
            Assert.Equal(new[] { "-Config names no key to change." }, problems);
        }
    }
}
