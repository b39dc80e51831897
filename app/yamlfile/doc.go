// Package yamlfile owns the strict reading of the YAML files admins edit by hand: question
// packs and the enrolment and device files. It turns a file into located problems, each
// printed as FILE:LINE: FIELD: what is wrong and what to do, and gives the node walker the
// parsers are built from.
//
// # What it promises
//
//   - A [Reader] collects every problem in a file rather than stopping at the first, and
//     [Reader.Err] returns them all at once, in line order, as one *[Error] that matches the
//     caller's own sentinel with errors.Is.
//   - [Reader.Root] accepts exactly one YAML document of at most [MaxFileSize] bytes of UTF-8
//     text, without control characters (other than tab and line ends), text-direction
//     controls, anchors or aliases, and reports a syntax error on the line the YAML library
//     names. Bytes that are not text are reported on their own line and column.
//   - [Reader.Text] holds every value written by hand to a length and refuses control and
//     text-direction characters, so packs and device files share one rule for text.
//   - A problem's String never holds a control character, and a file gives at most
//     [MaxProblems] problems and one line saying how many more there are.
//   - [Reader.Fields] reports field names that are not plain text, fields given twice and
//     fields the mapping does not hold, and hands back the rest.
//
// What a file must contain, and the wording of what is wrong with the top level, belong to the
// package that owns the file; this package knows only YAML.
//
// # Who may import it
//
// The packages that read admin-edited YAML (protocol, survey, enrol). It imports only the standard
// library and go.yaml.in/yaml/v3, and builds with CGO_ENABLED=0.
package yamlfile
