package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRulesDeriveExplain(t *testing.T) {
	code, out, stderr := runCLI(t, "rules", "derive", "-explain", posting)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"# Why each rule:",
		"# required Docker\n#   from:    \"Experience with Docker and Kubernetes in production is a must.\"\n#   cue:     \"must\"\n#   heading: \"Requirements\" (requirements)",
		"# preferred Terraform\n",
		"\nrequired:\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rules derive -explain lacks %q:\n%s", want, out)
		}
	}
	// The explained output is still a rule file.
	path := filepath.Join(t.TempDir(), "rules.yaml")
	os.WriteFile(path, []byte(out), 0o644)
	if code, _, stderr := runCLI(t, "rules", "check", path); code != exitOK {
		t.Errorf("rules check of the explained rules: exit %d: %s", code, stderr)
	}
	// Without -explain, the same rules and no explanation.
	_, plain, _ := runCLI(t, "rules", "derive", posting)
	if strings.Contains(plain, "Why each rule") || !strings.HasSuffix(out, plain[strings.Index(plain, "title:"):]) {
		t.Errorf("rules derive without -explain:\n%s", plain)
	}
	if code, _, stderr := runCLI(t, "rules", "derive", "-explain"); code != exitUsage || !strings.Contains(stderr, "usage") {
		t.Errorf("rules derive -explain without a posting: exit %d, %q", code, stderr)
	}
}
