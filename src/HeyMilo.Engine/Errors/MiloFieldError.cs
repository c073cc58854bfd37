using System;
using System.Collections.Generic;
using System.Linq;

namespace HeyMilo
{
    /// <summary>One field-level problem reported by the API (400/422) or found by local validation.</summary>
    public sealed class MiloFieldError
    {
        public MiloFieldError(string field, string message, string? code = null, int? itemIndex = null)
        {
            Field = field;
            Message = message;
            Code = code;
            ItemIndex = itemIndex;
        }

        /// <summary>Dotted location, e.g. "body.data.3.email".</summary>
        public string Field { get; }
        public string Message { get; }
        public string? Code { get; }
        /// <summary>For bulk requests: the position of the offending item in the request body.</summary>
        public int? ItemIndex { get; }

        public override string ToString() => $"{Field}: {Message}";
    }
}
