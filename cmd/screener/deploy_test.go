package main

import (
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// checkScreenArgs parses a deployment's screener arguments with the real
// flag set, so a renamed or misspelt flag in an example fails the tests.
func checkScreenArgs(t *testing.T, where string, args []string) {
	t.Helper()
	if len(args) == 0 || args[0] != "screen" {
		t.Fatalf("%s: want a screen command, got %q", where, args)
	}
	fs := flag.NewFlagSet("screen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var f screenFlags
	f.register(fs)
	if err := fs.Parse(args[1:]); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if err := f.check(fs.Args(), "screen"); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if f.statePath == "" || !f.quiet {
		t.Errorf("%s: an unattended run should use -state and -quiet", where)
	}
}

func screenerArgs(cmdline string) []string {
	f := strings.Fields(cmdline)
	for i, w := range f {
		if strings.HasSuffix(w, "screener") && i+1 < len(f) {
			end := len(f)
			for j := i + 1; j < len(f); j++ {
				if f[j] == "||" || f[j] == "&&" {
					end = j
					break
				}
			}
			return f[i+1 : end]
		}
	}
	return nil
}

func TestDeployExamples(t *testing.T) {
	const dir = "../../deploy"
	// systemd units: systemd's own checker, with the binary path pointed at
	// one that exists here.
	unit, err := os.ReadFile(filepath.Join(dir, "screener.service"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(unit), "\n") {
		if cmd, ok := strings.CutPrefix(line, "ExecStart="); ok {
			checkScreenArgs(t, "screener.service", screenerArgs(cmd))
		}
	}
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Log("systemd-analyze not installed: unit syntax not checked")
	} else {
		tmp := t.TempDir()
		os.WriteFile(filepath.Join(tmp, "screener.service"), []byte(strings.ReplaceAll(string(unit), "/usr/local/bin/screener", "/bin/true")), 0o644)
		timer, _ := os.ReadFile(filepath.Join(dir, "screener.timer"))
		os.WriteFile(filepath.Join(tmp, "screener.timer"), timer, 0o644)
		out, err := exec.Command("systemd-analyze", "verify", filepath.Join(tmp, "screener.service"), filepath.Join(tmp, "screener.timer")).CombinedOutput()
		if err != nil || len(strings.TrimSpace(string(out))) > 0 {
			t.Errorf("systemd-analyze verify: %v\n%s", err, out)
		}
	}

	// crontab: five time fields, then the command.
	cron, _ := os.ReadFile(filepath.Join(dir, "crontab"))
	for _, line := range strings.Split(string(cron), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(strings.Fields(line)) < 6 {
			t.Errorf("crontab line %q: want five time fields and a command", line)
		}
		checkScreenArgs(t, "crontab", screenerArgs(line))
	}

	// Kubernetes CronJob: valid YAML of the right kind, and real flags.
	var job struct {
		APIVersion string `yaml:"apiVersion"`
		Kind       string `yaml:"kind"`
		Spec       struct {
			Schedule          string `yaml:"schedule"`
			ConcurrencyPolicy string `yaml:"concurrencyPolicy"`
			JobTemplate       struct {
				Spec struct {
					Template struct {
						Spec struct {
							Containers []struct {
								Args []string `yaml:"args"`
							} `yaml:"containers"`
						} `yaml:"spec"`
					} `yaml:"template"`
				} `yaml:"spec"`
			} `yaml:"jobTemplate"`
		} `yaml:"spec"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "cronjob.yaml"))
	if err := yaml.Unmarshal(b, &job); err != nil {
		t.Fatalf("cronjob.yaml: %v", err)
	}
	if job.APIVersion != "batch/v1" || job.Kind != "CronJob" || len(strings.Fields(job.Spec.Schedule)) != 5 || job.Spec.ConcurrencyPolicy != "Forbid" {
		t.Errorf("cronjob.yaml: %+v", job)
	}
	if c := job.Spec.JobTemplate.Spec.Template.Spec.Containers; len(c) != 1 {
		t.Errorf("cronjob.yaml: %d containers", len(c))
	} else {
		checkScreenArgs(t, "cronjob.yaml", c[0].Args)
	}
}
