using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>
    /// Objects bind to what they are. PowerShell binds a pipeline object to the first parameter that fits,
    /// so an interview (which carries a PostingId) would bind a cmdlet's -PostingId and act on its posting
    /// once per interview. On a parameter that takes pipeline input by value, this attribute sees each object
    /// first: an object of the module (<see cref="MiloObjectKinds"/> says what it is) that is not one of the kinds the parameter takes is refused there
    /// (ParameterArgumentTransformationError, for that object only, before any request); with
    /// <see cref="IdOf"/> an object of that kind becomes its id (a Posting its Id). On a typed parameter the
    /// kinds are all those the cmdlet takes: an object let through but of another type binds elsewhere. Strings and objects
    /// from outside the module (Import-Csv rows, hashtables) pass unchanged and bind by property name as usual.
    /// The whole matrix is in docs/pipeline.md.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class PipelineInputAttribute : ArgumentTransformationAttribute
    {
        public PipelineInputAttribute(MiloObjects takes) => Takes = takes;

        public MiloObjects Takes { get; }

        /// <summary>
        /// For a string id parameter: the kinds whose objects become their id (a Posting its Id; an ATS push id from a
        /// receipt or a status). Objects of the other kinds taken pass unchanged and bind by property name.
        /// </summary>
        public MiloObjects IdOf { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null || value is string || value is ValueType) return inputData;
            if (value is IList list && !(value is IDictionary))
            {
                List<object?>? mapped = null;
                for (var i = 0; i < list.Count; i++)
                {
                    var item = Transform(engineIntrinsics, list[i]);
                    if (ReferenceEquals(item, list[i])) continue;
                    mapped ??= new List<object?>(Cast(list));
                    mapped[i] = item;
                }
                return mapped is null ? inputData : mapped.ToArray();
            }
            var piped = MiloObjectKinds.Of(value);
            if (piped is null) return inputData;
            if ((Takes & piped.Kind) == 0)
                throw new ArgumentTransformationMetadataException(
                    $"A {value.GetType().FullName} cannot be piped to this parameter: it takes {MiloObjectKinds.Describe(Takes)}. " + UseAnIdInstead(piped.Kind));
            return (IdOf & piped.Kind) != 0 && piped.Id != null ? piped.Id : inputData;
        }

        /// <summary>The way to use an id the refused object carries; the posting's id is the one most objects carry.</summary>
        private string UseAnIdInstead(MiloObjects refused) =>
            (Takes & MiloObjects.Posting) != 0 && (refused & MiloObjects.OfAPosting) != 0
                ? "To act on the posting it belongs to, pass that id by name: ForEach-Object { <command> -PostingId $_.PostingId }."
                : "To use an id it carries, pass that id by name: ForEach-Object { <command> -<parameter> $_.<id property> }.";

        private static IEnumerable<object?> Cast(IList list)
        {
            foreach (var item in list) yield return item;
        }
    }
}
