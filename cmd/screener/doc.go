// Command screener ranks a folder of resumes against a job's requirements
// and writes a shortlist workbook.
//
// Usage:
//
//	screener screen (-job POSTING... | -rules RULES.yaml...) [-out shortlist.xlsx] [-jsonl FILE|-] [-csv FILE|-]
//	                [-workers N] [-top N] [-min-score S] [-timeout 30s] [-max-size 20MiB] [-link-base URL] [-region GB]
//	                [-blind [-identities IDS.csv]] [-quiet] PATH...
//	screener rules derive [-explain] POSTING  # rules as YAML on stdout, to review and edit;
//	                                   # -explain says above them why each rule is what it is
//	screener rules check RULES.yaml    # validate a rule file
//	screener extract [-sections] [-ocr auto|off] FILE... # the text screener reads from a resume
//	screener watch -state FILE|URL -out FILE (-job POSTING | -rules RULES.yaml) INBOX
//	screener runs -state FILE|URL
//	screener worker -state URL [-root DIR] [-workers N] [-rescue-after 90s]
//	screener forget -state FILE|URL (-email ADDRESS | -file PATH | -sha256 HASH)
//	screener state migrate -from FILE [-to URL]  # copy a state file into PostgreSQL
//	screener redact FILE                 # the resume's text, without what identifies the candidate
//	screener audit -results RUN.jsonl -demographics PEOPLE.csv [-out audit.xlsx] [-json] [-min-share 0.02]
//	screener version
//
// -job and -rules may be repeated, once per job: each resume is read once
// and scored for every job, and the workbook gets a Best fit sheet (every
// candidate once, whichever CV each job kept, with their score for each
// job and the best job first) and a shortlist and a rules sheet per job,
// named after its title; JSON Lines records carry their job, the CSV has a
// Job column. With -state, results are kept per job, so a job added later
// re-scores the stored text without reading a file again.
//
// With -state, screener keeps an SQLite file of what it has read: a run
// screens only files that are new or changed (by content hash), re-scores
// stored text when the rules change, and marks candidates first seen since
// the last completed run as New.
//
// -state also takes a PostgreSQL URL (postgres://user@host/db), so that
// several machines share one state; without -state, $SCREENER_STATE is
// used, which keeps a URL off the command line (the password comes from
// PGPASSWORD or ~/.pgpass). Results are stored by content (SHA-256), so a
// resume screened on one machine is not read again on another; a file's
// size and modification time stand for its content only on the machine
// (host name) that recorded them. forget -file also matches a file's path
// relative to the folder screened, the form every machine knows it by.
//
// On a database, one run at a time per job (its rules' hash): runs of
// different jobs go on at once, a second run of a job exits with status
// 4, and New means first seen since the job's own last completed run. The lock is an advisory lock on a connection of the run's own (so
// never through a pooler in transaction mode), free as soon as its holder
// dies; the run pings that connection every second and checks the lock
// before each commit, and a run that loses it stops with "lost the run
// lock" (status 1) instead of writing on without it. Runs of different
// jobs started at once on the same new files extract each file once
// between them: a run claims a new content before extracting it, and
// another run that finds it claimed waits until it is stored (for at most
// twice -timeout and 30 s) and scores the stored text, as a later run
// would. forget and -retain
// delete rows and VACUUM, which does not erase copies in the table files'
// free space, the write-ahead log, its archives or backups; screener does
// not encrypt per candidate to delete keys instead, as the keys would sit
// in the same backups (see the README).
//
// state migrate copies an SQLite state file into the database of -to
// ($SCREENER_STATE by default): COPY into temporary tables, merged in one
// transaction with what the database holds; it prints each table's rows
// read and found in the database, and fails unless they are equal. The
// next run on that machine reads no file again.
//
// With -distributed (screen and watch) and a PostgreSQL -state, the files
// are extracted by 'screener worker' processes on any number of machines:
// the run enqueues one job per content in the database (River), waits,
// and then scores, ranks and writes its outputs exactly as a run on one
// machine. Workers read the files from a folder all machines share:
// the run's -root, which the resumes must be under, mounted on each worker
// at its own -root. A worker extracts each file in its isolated processes
// with the run's -timeout, -max-memory, -max-size and -ocr settings, and
// stores the outcome with the job's completion in one transaction; a
// file that cannot be read is an outcome, not a retry. The jobs of a
// worker that dies are run again by another once they have run for
// -rescue-after (default 90 s); a run killed and started again waits on
// the jobs it had enqueued, finished or not.
//
// With -blind (screen and watch), the workbook and CSV show a stable
// candidate ID (C- and ten hex digits of the resume's SHA-256) instead of
// name, e-mail, phone, links and file name, and evidence is redacted as
// by the redact command; -identities FILE.csv maps the IDs back to
// contacts and files. Scores and ranks are the same as without -blind. The
// JSON Lines are not blinded: they are the run's record for an audit.
//
// Every JSON Lines record carries screener_version, rules_hash and run_at,
// and scored ones as_of; the Rules sheet shows the same, so that a run can
// be repeated (see the README).
//
// The audit command computes, from a run's JSON Lines and a CSV of
// self-reported demographics (joined on email, id or sha256), each group's
// selection and scoring rates and impact ratios, flags ratios below 0.8,
// and recomputes them as if each rule were dropped. Demographics are read
// for the audit only and stored nowhere. The figures are for an
// independent auditor; they are not legal advice.
//
// PATH is any mix of files and folders; folders are walked recursively.
// Flags may come before or after the paths. Resume-like files screener
// cannot read (.pages, .wps, HEIC, BMP, GIF and WebP images) are errors
// with reason unsupported and a hint; hidden files, Word lock files (~$*)
// and other files that are not .pdf, .docx, .doc, .odt, .rtf, .html, .htm,
// .txt, .md, .png, .jpg, .jpeg, .tif or .tiff are listed as skipped.
// The format of a file is read from its content, not its name.
//
// The Shortlist has one row per person, best first: rank and name (frozen),
// score, qualified, why not qualified (every knockout in words), the CV
// link, contact details, current title and location (when found), years,
// skills and evidence. Its columns are
// defined once, in screener/columns.go, for the workbook and the CSV.
// Other CVs of the same person (same e-mail, same phone, or same name with
// a shared link or file name) are listed as same_person on the Errors
// sheet; of identical files the first in path order is kept. CV links are
// relative to the workbook's folder when the resumes sit under or beside
// it, absolute file:// links otherwise, or under -link-base URL (where the
// screened folders are published) when given.
//
// With -state, -new-since DURATION|DATE sets what counts as New (default:
// first seen since the last completed run; for watch, the last 24 hours,
// so that a workbook rewritten after every drop still shows the night's
// arrivals).
//
// On a terminal, progress is one line at the bottom; a file that cannot be
// read is reported above it as "screener: FILE: reason: detail (hint: …)".
//
// Contact details are read from the resume only, never from its file name.
// Each of name, email and phone comes with its source in JSON Lines
// (name_source: "header", "largest text", "label", "email"…) or, when empty,
// the reason ("not found", "rejected: heading"); "uncertain" lists the
// values that are guesses. The current title (title, title_source: "role",
// the most recent dated role; "headline", a guess) and the location
// (location, location_source: "label", "header"; from the first lines
// only) are found the same way; with -blind the location is hidden, the
// title kept. -region GB makes phone numbers written without a
// country code British (and every number is then written +44 …); without
// it they are kept as written. A cover letter, reference letter or job
// posting is not ranked: it is listed as skipped with the reason
// not_resume, the words that decided and a hint.
//
// Years of experience add up the dated roles of the resume (date ranges
// on lines of an experience section, or on lines naming a job or an
// employer), overlaps once; education, certificates, projects and
// interests never count. Month names in English, German, French, Spanish,
// Italian, Dutch and Portuguese and the numeric forms (MM/YYYY, YYYY-MM,
// ISO dates) are read; a year alone stands for mid-year. Without a dated
// role the years are unknown: null in JSON Lines, an empty cell, never 0.
// Each skill found has the months of the roles that mention it and the
// year last used (skills_found[].months, .last_used), a mention without a
// technical context counting once the resume shows the skill elsewhere
// ("Ran the team on R" beside a skills list naming R); a rule item's
// min_years is scored against those, and is a knockout when the item is
// required.
//
// Each file is extracted in an isolated worker process with a time limit
// (-timeout) and a memory limit (-max-memory); a file that breaks either is
// reported on the Errors sheet and the run goes on. The -job posting is
// read by the same workers, under the same limits (with -in-process or
// -distributed, by a worker of its own under the default limits).
//
// Images (PNG, JPEG, TIFF) and PDFs without a text layer (scans) are read
// with Tesseract when it is installed: -ocr auto (the default) uses it when
// it is on PATH, -ocr off never; -ocr-lang eng+deu picks its languages.
// Text read this way is marked, in JSON Lines (ocr: true, ocr_confidence)
// and as a note on the workbook's CV cell, so that a recruiter checks it;
// of a -job posting read this way, screen warns, and rules derive says so
// in the rule file's header.
// Tesseract runs inside the extraction worker, under its time and memory
// limits; a page takes seconds, so long scans may need a larger -timeout.
// Without Tesseract a scan is no_text with the hint to install it.
//
// A PDF's text is read in reading order (screener extract shows it):
// columns one after the other, a role's dates set flush right kept with
// the role, a form's labels (Europass) each before its value, a table's
// rows each on a line (its cells in column order, a wrapped cell joined),
// also when the table goes on at the next page, Arabic and Hebrew in
// logical order. A table of a Word, OpenDocument, RTF, HTML or PDF file
// comes one row a line with its cells parted by tabs (a text file keeps
// its own tabs): a cell boundary is a field boundary, in a resume and in
// a posting, whose table is read cell by cell under its header row. An
// empty first or last cell is a tab at the line's start or end, and a
// cell merged across n columns is followed by n-1 tabs more, so every row
// of a table has its columns.
//
// Exit status:
//
//	0  every file was screened
//	1  screener could not run (unreadable input, unwritable output, interrupted)
//	2  usage error, an invalid rule file, or a posting that names no skill screener knows
//	3  the run finished, but some files could not be screened (see the Errors sheet)
//	4  another run is using the -state file, or of the same job the database
//	5  the run finished, but not one resume could be screened (see the Errors sheet)
//
// forget exits with status 1 when nothing stored matches.
//
// Output paths are checked before any resume is read (the folder exists and
// can be written, the path is not a folder, no two outputs name one file).
// Outputs are written as a set: a temporary file for each in its folder,
// all renamed into place only once every one is complete, so an
// interrupted run or a full disk leaves every previous output as it was.
// "-" is standard output; a FIFO or character device is written in place;
// a symbolic link's target is replaced, not the link; block devices and
// sockets are refused.
//
// Memory stays flat in the number of resumes: results go to a temporary
// file in the folder of the first output written to a file (else the
// system's temporary folder) as they are made, and the outputs read them
// back in rank order; it needs about as much room as the JSON Lines.
package main

const usage = `screener ranks resumes (PDF, DOCX, DOC, ODT, RTF, HTML, text; scans with OCR) against a job's requirements.

Usage:
  screener screen (-job POSTING | -rules RULES.yaml) [flags] PATH...
                                      repeat -job (or -rules) to screen for several jobs at once
  screener rules derive [-explain] POSTING  derive rules from a job posting (YAML on stdout;
                                      -explain: each rule's sentence, cue and heading)
  screener rules check RULES.yaml     validate a rule file
  screener extract [-sections] FILE...  show the text screener reads from a resume
  screener redact FILE                the resume's text without names, contacts, age or gender, for blind review
  screener audit -results RUN.jsonl -demographics PEOPLE.csv [-out audit.xlsx] [-json]
                                      bias audit figures of a run (see 'screener audit -h')
  screener version

Example:
  screener screen -job testdata/example/backend-posting.txt -out shortlist.xlsx testdata/example/resumes

Incremental and unattended:
  screener screen -state screener.db ...   remember files; screen only new or changed ones
  screener screen -state postgres://…  ...   the same, state shared in PostgreSQL ($SCREENER_STATE)
  screener watch -state FILE|URL -out FILE (-job POSTING | -rules RULES.yaml) INBOX
  screener runs -state FILE|URL             run history
  screener forget -state FILE|URL (-email ADDRESS | -file PATH | -sha256 HASH)
  screener state migrate -from FILE [-to URL]   copy a state file into PostgreSQL

On many machines (PostgreSQL state, a folder the machines share):
  screener worker -state postgres://… -root /srv/hiring        on each worker machine
  screener screen -distributed -state postgres://… -root /srv/hiring ... /srv/hiring/inbox

Run 'screener screen -h' for the screening flags.
Exit status: 0 all screened, 3 some files failed, 5 not one resume screened,
2 usage or rule error, 1 could not run, 4 another run is using the state file.
`

const screenUsage = `Usage: screener screen (-job POSTING | -rules RULES.yaml) [flags] PATH...

Screens every resume under PATH (files and folders, recursively), ranks the
candidates and writes the shortlist workbook (sheets Shortlist, Skills,
Errors, Rules, Summary). A bad file becomes a row on the Errors sheet.

With -job (or -rules) repeated, once per job, each resume is read once and
scored for every job: the workbook has a Best fit sheet (every candidate,
their score for each job, best job first), then a shortlist and a rules
sheet per job, named after its title, then the Errors sheet; JSON Lines
records and CSV rows name their job.

Example:
  screener rules derive posting.txt > rules.yaml   # review, then:
  screener screen -rules rules.yaml -out shortlist.xlsx -jsonl all.jsonl ./resumes
  screener screen -job backend.txt -job frontend.pdf -out openings.xlsx ./resumes

Flags:
`

const rulesDeriveUsage = `Usage: screener rules derive [-explain] POSTING

Derives the rules of a job posting (.txt, .md, .pdf, .docx, .html, ...) and
prints them as a rule file (YAML), each item with a comment quoting the
sentence it came from. Review them, then screen with -rules:

  screener rules derive posting.pdf > rules.yaml
  screener screen -rules rules.yaml ./resumes

Flags:
`

const watchUsage = `Usage: screener watch -state FILE|URL -out FILE (-job POSTING | -rules RULES.yaml) [flags] INBOX

Screens INBOX now and again whenever files are added, changed or removed,
once they have stopped changing (-settle), rewriting the outputs each time.
Changes to other files (hidden ones, workbooks, JSON Lines, the state) are
ignored, so the outputs may be written inside INBOX. Stop it with Ctrl-C or SIGTERM.

Flags:
`

const workerUsage = `Usage: screener worker -state URL [-root DIR] [-workers N] [-rescue-after D]

Extracts the files of 'screener screen -distributed' runs that share the
database at URL, until stopped (Ctrl-C or SIGTERM lets the files in hand
finish). -root is where this machine sees the folder the runs share.
Start as many as you like, on as many machines.

Flags:
`
