using System.Management.Automation;
using Xunit;

namespace HeyMilo.Tests.Infrastructure
{
    /// <summary>The per-item error a test expects: exactly one, with the module's stable id, written by the named cmdlet.</summary>
    public static class TestErrors
    {
        /// <summary>
        /// Asserts that <paramref name="result"/> wrote exactly one non-terminating error, HeyMilo.<paramref name="id"/>
        /// from HeyMilo.Commands.<paramref name="command"/>, and returns it.
        /// </summary>
        public static ErrorRecord Single(PsResult result, string id, string command)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal($"HeyMilo.{id},HeyMilo.Commands.{command}", error.FullyQualifiedErrorId);
            return error;
        }

        /// <summary>As <see cref="Single(PsResult, string, string)"/>, and the error carries <paramref name="target"/> (the id typed) as its TargetObject.</summary>
        public static ErrorRecord Single(PsResult result, string id, string command, object target)
        {
            var error = Single(result, id, command);
            Assert.Equal(target, error.TargetObject);
            return error;
        }
    }
}
