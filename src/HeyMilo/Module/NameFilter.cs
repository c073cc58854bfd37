using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace HeyMilo.Module
{
    /// <summary>Get-Process-style name filtering: wildcards select, a plain name that matches nothing is reported.</summary>
    internal sealed class NameFilter
    {
        private readonly string[]? _names;
        private readonly WildcardPattern[] _patterns;
        private readonly bool[] _matched;

        public NameFilter(string[]? names)
        {
            _names = names;
            _patterns = names is null ? Array.Empty<WildcardPattern>() : Array.ConvertAll(names, n => new WildcardPattern(n, WildcardOptions.IgnoreCase));
            _matched = new bool[_patterns.Length];
        }

        public bool Matches(string value)
        {
            if (_names is null) return true;
            var any = false;
            for (var i = 0; i < _patterns.Length; i++)
            {
                if (!_patterns[i].IsMatch(value)) continue;
                _matched[i] = true;
                any = true;
            }
            return any;
        }

        public IEnumerable<string> Unmatched()
        {
            if (_names is null) yield break;
            for (var i = 0; i < _names.Length; i++)
                if (!_matched[i] && !WildcardPattern.ContainsWildcardCharacters(_names[i])) yield return _names[i];
        }
    }
}
