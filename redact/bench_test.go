package redact

import "testing"

// BenchmarkEvidence redacts three evidence lines the way a blind shortlist
// does for each candidate.
func BenchmarkEvidence(b *testing.B) {
	text := "Docker, Kubernetes: Moved 30 services from VMs to Kubernetes with Docker and Terraform; built the\nGo, Python: systems in Go and Python.\nREST: REST APIs in Python (Django) for the merchant dashboard; MySQL and Redis."
	id := Identity{Names: []string{"Alice Moreau"}, Emails: []string{"alice.moreau@example.org"}, Phones: []string{"+33 6 12 34 56 78"}, Links: []string{"linkedin.com/in/alice-moreau", "github.com/amoreau"}}
	for b.Loop() {
		Text(text, id)
	}
}
