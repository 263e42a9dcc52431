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
	f.statePath = stateSpec(f.statePath)
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
							Hostname   string `yaml:"hostname"`
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
	if job.Spec.JobTemplate.Spec.Template.Spec.Hostname == "" {
		t.Error("cronjob.yaml: no fixed hostname: every run's new pod would hash every file again")
	}
	if c := job.Spec.JobTemplate.Spec.Template.Spec.Containers; len(c) != 1 {
		t.Errorf("cronjob.yaml: %d containers", len(c))
	} else {
		checkScreenArgs(t, "cronjob.yaml", c[0].Args)
	}
}

// container is the part of a Kubernetes pod template the tests check.
type container struct {
	Args []string `yaml:"args"`
	Env  []struct {
		Name  string `yaml:"name"`
		Value string `yaml:"value"`
	} `yaml:"env"`
	VolumeMounts []struct {
		Name      string `yaml:"name"`
		MountPath string `yaml:"mountPath"`
	} `yaml:"volumeMounts"`
}

type podSpec struct {
	Hostname   string      `yaml:"hostname"`
	Containers []container `yaml:"containers"`
	Volumes    []struct {
		Name string `yaml:"name"`
		PVC  struct {
			ClaimName string `yaml:"claimName"`
		} `yaml:"persistentVolumeClaim"`
	} `yaml:"volumes"`
}

// setEnv sets the container's literal environment for the test, as the
// container would see it.
func (c container) setEnv(t *testing.T) {
	for _, e := range c.Env {
		t.Setenv(e.Name, e.Value)
	}
}

// claimAt returns the claim mounted at path in a pod.
func (p podSpec) claimAt(path string) string {
	for _, m := range p.Containers[0].VolumeMounts {
		if m.MountPath == path {
			for _, v := range p.Volumes {
				if v.Name == m.Name {
					return v.PVC.ClaimName
				}
			}
		}
	}
	return ""
}

// TestDistributedDeployExamples checks the workers' systemd unit and
// Kubernetes Deployment and the coordinator's CronJob: real flags, a
// postgres:// state from the environment, and the same shared folder as
// every -root.
func TestDistributedDeployExamples(t *testing.T) {
	const dir = "../../deploy"
	checkWorkerArgs := func(where string, args []string) workerFlags {
		t.Helper()
		if len(args) == 0 || args[0] != "worker" {
			t.Fatalf("%s: want a worker command, got %q", where, args)
		}
		fs := flag.NewFlagSet("worker", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var f workerFlags
		f.register(fs)
		if err := fs.Parse(args[1:]); err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		f.statePath = stateSpec(f.statePath)
		if err := f.check(fs.Args()); err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		return f
	}

	unit, err := os.ReadFile(filepath.Join(dir, "screener-worker.service"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(unit), "\n") {
		if cmd, ok := strings.CutPrefix(line, "ExecStart="); ok {
			// The unit's EnvironmentFile gives the URL; its example is in a comment.
			t.Setenv("SCREENER_STATE", "postgres://screener@db.example.com/hiring")
			f := checkWorkerArgs("screener-worker.service", screenerArgs(cmd))
			if !strings.Contains(string(unit), "ReadOnlyPaths="+f.root) {
				t.Errorf("screener-worker.service: -root %s is not the folder the unit may read", f.root)
			}
		}
	}
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Log("systemd-analyze not installed: unit syntax not checked")
	} else {
		tmp := t.TempDir()
		os.WriteFile(filepath.Join(tmp, "screener-worker.service"), []byte(strings.ReplaceAll(string(unit), "/usr/local/bin/screener", "/bin/true")), 0o644)
		out, err := exec.Command("systemd-analyze", "verify", filepath.Join(tmp, "screener-worker.service")).CombinedOutput()
		if err != nil || len(strings.TrimSpace(string(out))) > 0 {
			t.Errorf("systemd-analyze verify: %v\n%s", err, out)
		}
	}

	var workers struct {
		APIVersion string `yaml:"apiVersion"`
		Kind       string `yaml:"kind"`
		Spec       struct {
			Replicas int `yaml:"replicas"`
			Template struct {
				Spec podSpec `yaml:"spec"`
			} `yaml:"template"`
		} `yaml:"spec"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "workers.yaml"))
	if err := yaml.Unmarshal(b, &workers); err != nil {
		t.Fatalf("workers.yaml: %v", err)
	}
	wpod := workers.Spec.Template.Spec
	if workers.APIVersion != "apps/v1" || workers.Kind != "Deployment" || workers.Spec.Replicas < 1 || len(wpod.Containers) != 1 {
		t.Fatalf("workers.yaml: %+v", workers)
	}
	wpod.Containers[0].setEnv(t)
	wf := checkWorkerArgs("workers.yaml", wpod.Containers[0].Args)

	var job struct {
		Kind string `yaml:"kind"`
		Spec struct {
			ConcurrencyPolicy string `yaml:"concurrencyPolicy"`
			JobTemplate       struct {
				Spec struct {
					Template struct {
						Spec podSpec `yaml:"spec"`
					} `yaml:"template"`
				} `yaml:"spec"`
			} `yaml:"jobTemplate"`
		} `yaml:"spec"`
	}
	b, _ = os.ReadFile(filepath.Join(dir, "cronjob-distributed.yaml"))
	if err := yaml.Unmarshal(b, &job); err != nil {
		t.Fatalf("cronjob-distributed.yaml: %v", err)
	}
	cpod := job.Spec.JobTemplate.Spec.Template.Spec
	if job.Kind != "CronJob" || job.Spec.ConcurrencyPolicy != "Forbid" || len(cpod.Containers) != 1 {
		t.Fatalf("cronjob-distributed.yaml: %+v", job)
	}
	if cpod.Hostname == "" {
		t.Error("cronjob-distributed.yaml: no fixed hostname: every run's new pod would hash every file again")
	}
	t.Setenv("SCREENER_STATE", "")
	cpod.Containers[0].setEnv(t)
	args := cpod.Containers[0].Args
	checkScreenArgs(t, "cronjob-distributed.yaml", args)
	fs := flag.NewFlagSet("screen", flag.ContinueOnError)
	var cf screenFlags
	cf.register(fs)
	fs.Parse(args[1:])
	if !cf.distributed {
		t.Error("cronjob-distributed.yaml: not -distributed")
	}
	if cf.root != wf.root || stateSpec("") != wf.statePath {
		t.Errorf("coordinator -root %s and state %s, workers -root %s and state %s: want the same", cf.root, stateSpec(""), wf.root, wf.statePath)
	}
	if c, w := cpod.claimAt(cf.root), wpod.claimAt(wf.root); c == "" || c != w {
		t.Errorf("coordinator mounts claim %q at its -root, workers %q: want one shared volume", c, w)
	}
}
