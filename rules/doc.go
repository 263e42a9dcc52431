// Package rules decides how well a resume meets a job's requirements.
//
// A [Taxonomy] (the embedded taxonomy.txt, extensible per job) knows about
// 450 technologies, their spellings and, for names that are also ordinary
// words, the context they need to count. [Taxonomy.FindSkills] finds them
// all in one pass over a text; [Taxonomy.Analyze] also reads sections,
// contact details, degrees and years of experience into a [Profile].
//
// A [Set] is a job's rules: required skills, one-of groups, preferred
// skills, degree and experience, with weights, and the skills the job adds
// to the taxonomy ([Set.Taxonomy] is what it is matched with). [Load] reads
// one from YAML and reports mistakes as [*ParseError] values with line
// numbers; [Set.WriteYAML] writes it back, so that Load gives the same set;
// [Taxonomy.Derive] builds one from the text of a job posting;
// [Set.Score] scores a profile, 0 to 100, with the reason for every point;
// [Set.Hash] identifies what the rules mean, whatever their comments.
//
// The package knows nothing of files: it works on text and io.Reader.
package rules
