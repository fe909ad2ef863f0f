/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * shmls: list POSIX shared memory segments as a table, raw, JSON or
 * KEY="value" pairs, through libsmartcols, optionally with the processes
 * that hold each one; or list the removed segments processes still hold;
 * or sum them up beside what the file system holds (--summary).
 */
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <libsmartcols.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "cli.h"
#include "closestream.h"
#include "compat.h"
#include "diag.h"
#include "format.h"
#include "parse.h"
#include "procscan.h"
#include "segment.h"
#include "select.h"
#include "shmdir.h"
#include "target.h"

enum {
	OPT_ALL_TARGETS = OPT_FIRST_LOCAL,
	OPT_DELETED,
	OPT_OUTPUT_ALL,
	OPT_SUMMARY,
	OPT_TARGET,
	OPT_TIME_FORMAT
};

enum col {
	COL_NAME, COL_SIZE, COL_ALLOC, COL_PERMS, COL_MODE, COL_UID,
	COL_USER, COL_GID, COL_GROUP, COL_MTIME, COL_NPROCS, COL_PIDS,
	COL_NSPIDS, COL_COMMANDS, NCOLUMNS
};

/* When a column is shown without -o. */
enum when {
	ASKED,		/* only when asked for */
	ALWAYS,		/* by default */
	PROCS,		/* by default with -p or --deleted; needs the scan */
	TPROCS		/* as PROCS, with --target */
};

/*
 * The columns, read by the printer and by --help; man/shmls.1 lists the
 * same (tests/shmls.bats checks).  The name is the heading too, and in
 * JSON the key, in lower case.  An array type is written by fmt_holders,
 * since libsmartcols 2.38 writes an empty array as [null].  Only COMMANDS
 * is cut to fit a terminal: a cut number would look like another pid.
 */
static const struct column {
	const char	*name;
	double		 whint;		/* width: < 1 is part of the terminal */
	int		 flags;		/* SCOLS_FL_* */
	int		 json;		/* SCOLS_JSON_* */
	enum when	 when;
	const char	*help;
} columns[NCOLUMNS] = {
	[COL_NAME] = { "NAME", 0.3, 0, SCOLS_JSON_STRING, ALWAYS,
	    "segment name, without the leading slash" },
	[COL_SIZE] = { "SIZE", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER, ALWAYS,
	    "size" },
	[COL_ALLOC] = { "ALLOC", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER, ALWAYS,
	    "memory in use (sparse segments use less than SIZE)" },
	[COL_PERMS] = { "PERMS", 9, 0, SCOLS_JSON_STRING, ALWAYS,
	    "permissions, as ls -l shows them" },
	[COL_MODE] = { "MODE", 4, SCOLS_FL_RIGHT, SCOLS_JSON_STRING, ASKED,
	    "permissions in octal" },
	[COL_UID] = { "UID", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER, ASKED,
	    "owner's user ID" },
	[COL_USER] = { "USER", 0.1, 0, SCOLS_JSON_STRING, ALWAYS,
	    "owner's user name" },
	[COL_GID] = { "GID", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER, ASKED,
	    "group ID" },
	[COL_GROUP] = { "GROUP", 0.1, 0, SCOLS_JSON_STRING, ALWAYS,
	    "group name" },
	[COL_MTIME] = { "MTIME", 12, 0, SCOLS_JSON_STRING, ALWAYS,
	    "last modification (see --time-format)" },
	[COL_NPROCS] = { "NPROCS", 6, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER, PROCS,
	    "number of processes that have it open or mapped" },
	[COL_PIDS] = { "PIDS", 0.1, 0, SCOLS_JSON_ARRAY_NUMBER,
	    PROCS, "their process IDs, in increasing order" },
	[COL_NSPIDS] = { "NSPIDS", 0.1, 0, SCOLS_JSON_ARRAY_NUMBER, TPROCS,
	    "the ID of each process in PIDS in its own PID namespace" },
	[COL_COMMANDS] = { "COMMANDS", 0.1, SCOLS_FL_TRUNC,
	    SCOLS_JSON_ARRAY_STRING, PROCS,
	    "the command name of each process in PIDS" },
};

enum format { FMT_TABLE, FMT_RAW, FMT_JSON, FMT_EXPORT };

/*
 * The columns of --summary: the file system as statvfs(2) says, then
 * what the segments counted add up to.  Sizes follow -b, counts do not.
 */
enum sum {
	SUM_SIZE, SUM_USED, SUM_AVAIL, SUM_INODES, SUM_IFREE, SUM_SEGMENTS,
	SUM_SEMAPHORES, SUM_PROMISED, SUM_ALLOC, SUM_DELETED, NSUMS
};

static const struct sumcol {
	const char	*name;
	bool		 bytes;
} sumcols[NSUMS] = {
	[SUM_SIZE] = { "SIZE", true },
	[SUM_USED] = { "USED", true },
	[SUM_AVAIL] = { "AVAIL", true },
	[SUM_INODES] = { "INODES", false },
	[SUM_IFREE] = { "IFREE", false },
	[SUM_SEGMENTS] = { "SEGMENTS", false },
	[SUM_SEMAPHORES] = { "SEMAPHORES", false },
	[SUM_PROMISED] = { "PROMISED", true },
	[SUM_ALLOC] = { "ALLOC", true },
	[SUM_DELETED] = { "DELETED", true },
};

static void	 put_vis(FILE *, const char *);
static void	 put_asis(FILE *, const char *);

/*
 * What the output formats do differently in the cells written here,
 * chosen once the format is known, so that no cell asks which it is.
 * libsmartcols escapes raw and export output itself, and JSON strings;
 * a table's cells come escaped (vis_str), and it is told not to.
 */
static const struct mode {
	const char	*(*text)(const char *);	/* a name in a cell */
	bool		 escaped;	/* text() escaped it */
	bool		 bytes;		/* sizes in bytes, whatever -b says */
	struct fmt_list	 list;		/* PIDS, NSPIDS and COMMANDS */
} modes[] = {
	[FMT_TABLE] = { vis_str, true, false, { "", ",", "", "-", put_vis } },
	[FMT_RAW] = { fmt_asis, false, false, { "", ",", "", "-", put_asis } },
	[FMT_JSON] = { fmt_asis, false, true,
	    { "[", ", ", "]", "null", fmt_json_string } },
	[FMT_EXPORT] = { fmt_asis, false, false,
	    { "", ",", "", "-", put_asis } },
};

/* What one row is about: a segment, or a removed one a process holds. */
struct row {
	const char			*name;
	const struct stat		*st;	/* NULL if unknown */
	const struct procscan_entry	*held;	/* NULL if held by none */
	size_t				 seq;	/* place in order of name */
	char				*key;	/* -x PERMS, USER, GROUP: text */
};

static void	 set_format(enum format, int);
static void	 set_sort(const char *);
static void	 no_summary(const char *);
static void	 select_columns(const char *);
static void	 add_column(enum col);
static void	 help_columns(FILE *, enum when);
static noreturn void	 shmls_help(void);
static void	 list(int, char **);
static void	 list_live(struct libscols_table *, struct selection *);
static void	 list_deleted(struct libscols_table *, struct selection *);
static void	 add_rows(struct libscols_table *, struct row *, size_t);
static int	 by_column(const void *, const void *);
static int	 cmp_num(uintmax_t, uintmax_t);
static int	 by_name(const void *, const void *);
static void	 summary(int, char **);
static void	 print_table(struct libscols_table *);
static struct libscols_table *new_table(const char *);
static void	 warn_promise(const char *, uintmax_t, uintmax_t,
		    const char *);
static void	 add_row(struct libscols_table *, const struct row *);
static char	*cell(enum col, const struct row *);
static size_t	 cell_width(const struct libscols_column *, const char *,
		    void *);
static char	*one_chunk(const struct libscols_column *, char *, void *);
static char	*fill_size(enum col, off_t);
static void	 list_targets(int, char **);
static void	 scan_procs(const char *, const char *);
static int	 print_scols(struct libscols_table *);

static enum format	 format;
static const struct mode *mode = &modes[FMT_TABLE];
static int		 format_opt;	/* the option that chose it */
static enum timefmt	 timefmt;
static bool		 aflag, nflag, pflag, deleted, timefmt_set;
static bool		 sumflag;
static bool		 bytes;		/* -b, or the format's */
static const char	*not_sum;	/* an option --summary excludes */
static bool		 sorted;	/* -x: rows in order of sortcol */
static enum col		 sortcol;
static enum col		 cols[NCOLUMNS];
static size_t		 ncols;
static bool		 scan;		/* the /proc scan is wanted */
static struct procscan	 procs;
static bool		 have_procs;	/* and it worked */
static const char	*partial;	/* why holders may be missing, or NULL */
static bool		 holders_member; /* list() read /proc: say how */
static bool		 all_targets;

static const char synopsis[] =
    "usage: shmls [-abEJnPpr] [-o list] [--output-all] [--time-format fmt]\n"
    "             [-x column] [--deleted] [--target pid] [pattern ...]\n"
    "       shmls --summary [--all-targets | --target pid] [-abEJnPr] "
    "[pattern ...]\n";

static const char options[] =
    "List shared memory segments: all of them, or those each pattern "
    "matches.\n"
    "\n"
    "  -a, --all              list named semaphores (sem.*) too\n"
    "      --all-targets      with --summary, a row for each distinct "
    "/dev/shm on\n"
    "                         the host, with a process that sees it\n"
    "  -b, --bytes            sizes in bytes, not rounded to 4.0K, 1.5M, ...\n"
    "      --deleted          list removed segments that processes still "
    "hold\n"
    "  -E, --export           the same as -P\n"
    "  -J, --json             print JSON (sizes are always in bytes)\n"
    "  -n, --noheadings       print no heading line\n"
    "  -o, --output=LIST      print the columns in LIST; +LIST adds them to "
    "the\n"
    "                         default\n"
    "      --output-all       print every column\n"
    "  -P, --pairs            print KEY=\"value\" pairs\n"
    "  -p, --processes        add the processes that hold each segment\n"
    "  -r, --raw              print a raw table, with blanks, backslashes and\n"
    "                         unprintable bytes as \\xHH\n"
    "      --summary          print the file system's size, used and free "
    "space\n"
    "                         and inodes beside the sums of the segments\n"
    "      --target=PID       work on the /dev/shm process PID sees (a "
    "container's)\n"
    "      --time-format=FMT  MTIME as short, full or iso (the default is "
    "short,\n"
    "                         or iso with -J)\n"
    "  -x, --sort=COLUMN      sort by COLUMN: numbers and sizes by value, "
    "text\n"
    "                         byte by byte, ascending\n";

static const struct option longopts[] = {
	{ "all",		no_argument,		NULL,	'a' },
	{ "all-targets",	no_argument,		NULL,	OPT_ALL_TARGETS },
	{ "bytes",		no_argument,		NULL,	'b' },
	{ "deleted",		no_argument,		NULL,	OPT_DELETED },
	{ "export",		no_argument,		NULL,	'E' },
	{ "help",		no_argument,		NULL,	OPT_HELP },
	{ "json",		no_argument,		NULL,	'J' },
	{ "noheadings",		no_argument,		NULL,	'n' },
	{ "output",		required_argument,	NULL,	'o' },
	{ "output-all",		no_argument,		NULL,	OPT_OUTPUT_ALL },
	{ "pairs",		no_argument,		NULL,	'P' },
	{ "processes",		no_argument,		NULL,	'p' },
	{ "raw",		no_argument,		NULL,	'r' },
	{ "sort",		required_argument,	NULL,	'x' },
	{ "summary",		no_argument,		NULL,	OPT_SUMMARY },
	{ "target",		required_argument,	NULL,	OPT_TARGET },
	{ "time-format",	required_argument,	NULL,	OPT_TIME_FORMAT },
	{ "version",		no_argument,		NULL,	OPT_VERSION },
	{ NULL,			0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	const char *output = NULL;
	bool output_all = false;
	size_t i;
	int ch;

	cli_init(synopsis);
	while ((ch = getopt_long(argc, argv, "abEhJno:PprVx:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'a':
			aflag = true;
			break;
		case OPT_ALL_TARGETS:
			all_targets = true;
			break;
		case 'b':
			bytes = true;
			break;
		case OPT_DELETED:
			deleted = true;
			no_summary("--deleted");
			break;
		case 'E':
		case 'P':
			set_format(FMT_EXPORT, ch);
			break;
		case 'J':
			set_format(FMT_JSON, ch);
			break;
		case 'n':
			nflag = true;
			break;
		case 'o':
			output = optarg;
			output_all = false;
			no_summary("-o");
			break;
		case OPT_OUTPUT_ALL:
			output_all = true;
			output = NULL;
			no_summary("--output-all");
			break;
		case 'p':
			pflag = true;
			no_summary("-p");
			break;
		case 'r':
			set_format(FMT_RAW, ch);
			break;
		case OPT_SUMMARY:
			sumflag = true;
			break;
		case 'x':
			set_sort(optarg);
			no_summary("-x");
			break;
		case OPT_TARGET:
			cli_target(optarg);
			break;
		case OPT_TIME_FORMAT:
			timefmt = cli_timefmt(optarg);
			timefmt_set = true;
			no_summary("--time-format");
			break;
		case 'h':
		case OPT_HELP:
			shmls_help();
		default:
			cli_other(ch, options, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	cli_names(argc, argv);
	mode = &modes[format];
	bytes |= mode->bytes;
	if (all_targets && target_pid() != 0)
		usagex("options --all-targets and --target are mutually "
		    "exclusive");
	if ((sumflag || all_targets) && not_sum != NULL)
		usagex("options %s and %s are mutually exclusive",
		    all_targets ? "--all-targets" : "--summary", not_sum);
	if (all_targets) {
		list_targets(argc, argv);
		return close_stdout();
	}
	if (sumflag) {
		summary(argc, argv);
		return close_stdout();
	}

	if (output_all) {
		for (i = 0; i < NCOLUMNS; i++)
			add_column(i);
	} else
		select_columns(output);
	if (!timefmt_set && format == FMT_JSON)
		timefmt = TIME_ISO;
	list(argc, argv);
	return close_stdout();
}

/* -P and -E are the same format; no other two may be given. */
static void
set_format(enum format f, int opt)
{
	if (format != FMT_TABLE && format != f)
		usagex("options -%c and -%c are mutually exclusive",
		    format_opt, opt);
	format = f;
	format_opt = opt;
}

/* Remembers the first option given that --summary has no use for. */
static void
no_summary(const char *opt)
{
	if (not_sum == NULL)
		not_sum = opt;
}

/* -x COLUMN: one of the columns, in any case, shown or not. */
static void
set_sort(const char *arg)
{
	const char *names[NCOLUMNS];
	size_t i, idx[NCOLUMNS], n, badlen;

	for (i = 0; i < NCOLUMNS; i++)
		names[i] = columns[i].name;
	if (strchr(arg, ',') != NULL || parse_names(arg, names, NCOLUMNS,
	    idx, &n, &badlen) != NULL || n != 1)
		usagex("unknown column '%s'", vis_str(arg));
	sortcol = idx[0];
	sorted = true;
	if (columns[sortcol].when == PROCS || columns[sortcol].when == TPROCS)
		scan = true;
}

/* The default columns, then those of -o LIST, or instead those of LIST. */
static void
select_columns(const char *arg)
{
	const char *names[NCOLUMNS], *bad;
	size_t i, idx[NCOLUMNS], n, badlen;
	char *tok;

	if (arg == NULL || *arg == '+') {
		for (i = 0; i < NCOLUMNS; i++)
			if (columns[i].when == ALWAYS ||
			    (columns[i].when == PROCS && (pflag || deleted)) ||
			    (columns[i].when == TPROCS && (pflag || deleted) &&
			    target_pid() != 0))
				add_column(i);
	}
	if (arg == NULL)
		return;
	if (*arg == '+')
		arg++;
	if (*arg == '\0')
		usagex("empty column list");
	for (i = 0; i < NCOLUMNS; i++)
		names[i] = columns[i].name;
	if ((bad = parse_names(arg, names, NCOLUMNS, idx, &n, &badlen)) !=
	    NULL) {
		tok = xstrndup(bad, badlen);
		usagex("unknown column '%s'", vis_str(tok));
	}
	for (i = 0; i < n; i++)
		add_column(idx[i]);
}

static void
add_column(enum col c)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		if (cols[i] == c)
			return;
	cols[ncols++] = c;
	if (columns[c].when == PROCS || columns[c].when == TPROCS)
		scan = true;
}

/* The names of the columns shown when, comma-separated, for --help. */
static void
help_columns(FILE *fp, enum when when)
{
	const char *sep = "";
	size_t i;

	for (i = 0; i < NCOLUMNS; i++)
		if (columns[i].when == when) {
			fprintf(fp, "%s%s", sep, columns[i].name);
			sep = ",";
		}
}

/* --help, with the column list read from the table above. */
static noreturn void
shmls_help(void)
{
	char *text = NULL;
	size_t len, i;
	FILE *fp;

	if ((fp = open_memstream(&text, &len)) == NULL)
		err(1, NULL);
	fprintf(fp, "Columns for -o (");
	help_columns(fp, ALWAYS);
	fprintf(fp, " by default;\n-p and --deleted add ");
	help_columns(fp, PROCS);
	fprintf(fp, ";\nwith --target, ");
	help_columns(fp, TPROCS);
	fprintf(fp, " too):\n");
	for (i = 0; i < NCOLUMNS; i++)
		fprintf(fp, "  %-9s  %s\n", columns[i].name, columns[i].help);
	if (fclose(fp) == EOF)
		err(1, NULL);
	help(options, text);
}

static void
list(int argc, char **argv)
{
	struct libscols_table *tb;
	struct libscols_column *cl;
	struct selection sel;
	size_t i;
	int json;

	if (scan || deleted) {
		seg_dir_need();
		scan_procs("holders are not shown",
		    "holders may be missing");
		holders_member = true;
	}

	tb = new_table("segments");
	for (i = 0; i < ncols; i++) {
		const struct column *c = &columns[cols[i]];

		if ((cl = scols_table_new_column(tb, c->name, c->whint,
		    c->flags)) == NULL)
			err(1, NULL);
		/*
		 * libsmartcols 2.38 measures every cell twice, with a
		 * mbrtowc(3) per byte: 60% of the instructions of a table of
		 * 10,000 segments (callgrind).  A custom wrap function takes
		 * the first measurement over; a cell is one chunk.
		 */
		if (mode->escaped && !(c->flags & SCOLS_FL_TRUNC) &&
		    (scols_column_set_flags(cl, c->flags | SCOLS_FL_WRAP) != 0 ||
		    scols_column_set_wrapfunc(cl, cell_width, one_chunk,
		    NULL) != 0))
			err(1, NULL);
		json = c->json;
		if (json == SCOLS_JSON_ARRAY_NUMBER ||
		    json == SCOLS_JSON_ARRAY_STRING)
			json = SCOLS_JSON_NUMBER;	/* written as it is */
		scols_column_set_json_type(cl, json);
	}

	/* shmrm -g's rule, so that what is listed is what it would remove. */
	sel_init(&sel, argc, argv, aflag);
	if (deleted)
		list_deleted(tb, &sel);
	else
		list_live(tb, &sel);
	sel_free(&sel);

	print_table(tb);
	if (have_procs)
		procscan_free(&procs);
}

/* A table named name (JSON's key), in the output format chosen. */
static struct libscols_table *
new_table(const char *name)
{
	struct libscols_table *tb;

	if ((tb = scols_new_table()) == NULL)
		err(1, NULL);
	scols_table_set_name(tb, name);
	/* Text comes escaped by vis_str; escaping again would garble. */
	scols_table_enable_noencoding(tb, mode->escaped);
	scols_table_enable_raw(tb, format == FMT_RAW);
	scols_table_enable_json(tb, format == FMT_JSON);
	scols_table_enable_export(tb, format == FMT_EXPORT);
	scols_table_enable_noheadings(tb, nflag);
	return tb;
}

/*
 * Says so when segments on a file system of size bytes promise more than
 * it holds, since a writer touching all its pages could not have them.
 * A notice that keeps exit 0: nothing failed, and the listing is whole.
 */
static void
warn_promise(const char *where, uintmax_t promised, uintmax_t size,
    const char *more)
{
	struct fmt_size_last p = FMT_SIZE_LAST_INIT, s = FMT_SIZE_LAST_INIT;

	if (size == 0 || promised <= size)
		return;
	warnx("%s: segments promise %s, more than its size of %s%s", where,
	    fmt_human((off_t)promised, &p), fmt_human((off_t)size, &s), more);
}

static void
print_table(struct libscols_table *tb)
{
	int r;

	if ((r = print_scols(tb)) != 0) {
		if (ferror(stdout))
			stdout_error();
		errno = -r;
		err(1, "printing the table");
	}
	scols_unref_table(tb);
}

static void
list_live(struct libscols_table *tb, struct selection *sel)
{
	struct shmdir_entry *v;
	struct row *rows;
	size_t n, i;

	if (sel_read(sel, &v, &n) == -1) {
		warn_name(SHM_DIR);
		return;
	}
	if ((rows = calloc(n + 1, sizeof(*rows))) == NULL)
		err(1, NULL);
	for (i = 0; i < n; i++) {
		rows[i].name = v[i].name;
		rows[i].st = &v[i].st;
		rows[i].held = have_procs ?
		    procscan_find(&procs, v[i].st.st_dev, v[i].st.st_ino) :
		    NULL;
		rows[i].seq = i;
	}
	add_rows(tb, rows, n);
	sel_warn_missed(sel, false);
	free(rows);
	shmdir_free(v, n);
}

/* Removed segments some process holds, in order of name. */
static void
list_deleted(struct libscols_table *tb, struct selection *sel)
{
	const struct procscan_entry **v;
	struct row *rows;
	size_t n = 0, i;

	if ((v = calloc(procs.n + 1, sizeof(*v))) == NULL ||
	    (rows = calloc(procs.n + 1, sizeof(*rows))) == NULL)
		err(1, NULL);
	for (i = 0; i < procs.n; i++)
		if (procs.v[i].deleted && sel_take(sel,
		    procs.v[i].name != NULL ? procs.v[i].name : ""))
			v[n++] = &procs.v[i];
	qsort(v, n, sizeof(*v), by_name);
	for (i = 0; i < n; i++) {
		rows[i].name = v[i]->name != NULL ? v[i]->name : "";
		rows[i].st = v[i]->have_stat ? &v[i]->st : NULL;
		rows[i].held = v[i];
		rows[i].seq = i;
	}
	add_rows(tb, rows, n);
	sel_warn_missed(sel, true);
	free(rows);
	free(v);
}

/*
 * The rows come in order of name; -x sorts them by the values of its
 * column, not by the text shown, so that sizes sort as numbers whatever
 * -b says; equal values keep the order of name.
 */
static void
add_rows(struct libscols_table *tb, struct row *rows, size_t n)
{
	bool keys = sorted && n > 1 && (sortcol == COL_PERMS ||
	    sortcol == COL_USER || sortcol == COL_GROUP);
	size_t i;

	/*
	 * Text to sort by is made once a row, not twice a comparison: a
	 * name lookup or strmode(3) each time cost about 2 million of
	 * them for 120,000 rows.
	 */
	for (i = 0; keys && i < n; i++)
		rows[i].key = rows[i].st == NULL ? NULL :
		    sortcol == COL_PERMS ? fmt_perms(rows[i].st->st_mode) :
		    xstrdup(fmt_owner(sortcol == COL_GROUP, sortcol ==
		    COL_GROUP ? rows[i].st->st_gid : rows[i].st->st_uid));
	if (sorted && n > 1)
		qsort(rows, n, sizeof(*rows), by_column);
	for (i = 0; i < n; i++) {
		add_row(tb, &rows[i]);
		free(rows[i].key);
	}
}

/*
 * Numbers, sizes and times by value, text byte by byte; an unknown value
 * (a removed segment's, without its stat) first, as an empty cell would.
 */
static int
by_column(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	const struct stat *s = x->st, *t = y->st;
	const struct procscan_entry *h = x->held, *k = y->held;
	size_t nh = h != NULL ? h->nholders : 0, nk = k != NULL ?
	    k->nholders : 0, i;
	int c = 0;

	switch (sortcol) {
	case COL_NAME:
		c = strcmp(x->name, y->name);
		break;
	case COL_NPROCS:
		c = cmp_num(nh, nk);
		break;
	case COL_PIDS:
	case COL_NSPIDS:
	case COL_COMMANDS:
		for (i = 0; c == 0 && i < nh && i < nk; i++)
			c = sortcol == COL_PIDS ?
			    cmp_num((uintmax_t)h->holders[i].pid,
			    (uintmax_t)k->holders[i].pid) :
			    sortcol == COL_NSPIDS ?	/* unknown, -1, last */
			    cmp_num((uintmax_t)target_nspid(h->holders[i].pid),
			    (uintmax_t)target_nspid(k->holders[i].pid)) :
			    strcmp(h->holders[i].comm, k->holders[i].comm);
		if (c == 0)
			c = cmp_num(nh, nk);
		break;
	default:
		if (s == NULL || t == NULL) {
			c = (s != NULL) - (t != NULL);
			break;
		}
		switch (sortcol) {
		case COL_SIZE:
			c = cmp_num((uintmax_t)s->st_size,
			    (uintmax_t)t->st_size);
			break;
		case COL_ALLOC:
			c = cmp_num((uintmax_t)s->st_blocks,
			    (uintmax_t)t->st_blocks);
			break;
		case COL_PERMS:
		case COL_USER:
		case COL_GROUP:
			c = strcmp(x->key, y->key);
			break;
		case COL_MODE:
			c = cmp_num(s->st_mode & 07777, t->st_mode & 07777);
			break;
		case COL_UID:
			c = cmp_num(s->st_uid, t->st_uid);
			break;
		case COL_GID:
			c = cmp_num(s->st_gid, t->st_gid);
			break;
		case COL_MTIME:
			/* Signed: a time before 1970 is negative. */
			c = s->st_mtim.tv_sec < t->st_mtim.tv_sec ? -1 :
			    s->st_mtim.tv_sec > t->st_mtim.tv_sec;
			if (c == 0)
				c = cmp_num((uintmax_t)s->st_mtim.tv_nsec,
				    (uintmax_t)t->st_mtim.tv_nsec);
			break;
		default:
			abort();
		}
	}
	return c != 0 ? c : cmp_num(x->seq, y->seq);
}

static int
cmp_num(uintmax_t a, uintmax_t b)
{
	return a < b ? -1 : a > b;
}

static int
by_name(const void *a, const void *b)
{
	const struct procscan_entry *x = *(const struct procscan_entry *const *)a;
	const struct procscan_entry *y = *(const struct procscan_entry *const *)b;
	int c;

	c = strcmp(x->name != NULL ? x->name : "", y->name != NULL ?
	    y->name : "");
	if (c != 0)
		return c;
	return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/*
 * --summary: the file system beside what the segments the operands pick
 * (all, without operands; semaphores count apart, always) promise (their
 * sizes), use (their blocks), and what removed ones still hold.  Says on
 * stderr when the promise is more than the file system can hold.
 */
static void
summary(int argc, char **argv)
{
	struct libscols_table *tb;
	struct libscols_line *ln;
	struct shmdir_entry *v;
	const struct procscan_entry *e;
	struct selection sel;
	struct statvfs sv;
	uintmax_t val[NSUMS];
	bool known[NSUMS];
	const char *p;
	char *data;
	size_t n, i;
	int dirfd, r;

	if ((dirfd = seg_dirfd()) == -1 || fstatvfs(dirfd, &sv) == -1)
		err(1, "%s", SHM_DIR);
	memset(val, 0, sizeof(val));
	memset(known, 1, sizeof(known));
	val[SUM_SIZE] = (uintmax_t)sv.f_blocks * sv.f_frsize;
	val[SUM_USED] = (uintmax_t)(sv.f_blocks - sv.f_bfree) * sv.f_frsize;
	val[SUM_AVAIL] = (uintmax_t)sv.f_bavail * sv.f_frsize;
	val[SUM_INODES] = sv.f_files;
	val[SUM_IFREE] = sv.f_ffree;

	/* Semaphores have a column of their own, so any operand picks them. */
	sel_init(&sel, argc, argv, true);
	if (sel_read(&sel, &v, &n) == -1)
		err(1, "%s", SHM_DIR);
	for (i = 0; i < n; i++) {
		val[shmdir_is_sem(v[i].name) ? SUM_SEMAPHORES :
		    SUM_SEGMENTS]++;
		val[SUM_PROMISED] += (uintmax_t)v[i].st.st_size;
		val[SUM_ALLOC] += (uintmax_t)v[i].st.st_blocks * 512;
	}
	sel_warn_missed(&sel, false);
	shmdir_free(v, n);

	/*
	 * Removed segments, by the name they had; their size needs a stat.
	 * They are found through their holders, so a partial view of the
	 * processes is said as it is for -p.
	 */
	scan_procs("deleted is not counted", "deleted may be short");
	if (!have_procs) {
		known[SUM_DELETED] = false;
	} else {
		for (i = 0; i < procs.n; i++) {
			e = &procs.v[i];
			if (e->deleted && e->have_stat &&
			    sel_want(e->name != NULL ? e->name : "", &sel))
				val[SUM_DELETED] +=
				    (uintmax_t)e->st.st_blocks * 512;
		}
		procscan_free(&procs);
	}
	sel_free(&sel);

	warn_promise(SHM_DIR, val[SUM_PROMISED], val[SUM_SIZE],
	    ": writers touching all their pages can die of SIGBUS");

	/* One object, not the array of one that libsmartcols would make. */
	if (format == FMT_JSON) {
		printf("{\n   \"summary\": {");
		for (i = 0; i < NSUMS; i++) {
			printf("%s\n      \"", i > 0 ? "," : "");
			for (p = sumcols[i].name; *p != '\0'; p++)
				putchar(*p - 'A' + 'a');
			if (known[i])
				printf("\": %ju", val[i]);
			else
				printf("\": null");
		}
		printf("\n   }\n}\n");
		return;
	}

	tb = new_table("summary");
	if ((ln = scols_table_new_line(tb, NULL)) == NULL)
		err(1, NULL);
	for (i = 0; i < NSUMS; i++) {
		if (scols_table_new_column(tb, sumcols[i].name, 1,
		    SCOLS_FL_RIGHT) == NULL)
			err(1, NULL);
		if (!known[i])
			continue;
		data = sumcols[i].bytes ? fill_size(COL_SIZE, (off_t)val[i]) :
		    fmt_num(val[i]);
		r = scols_line_set_data(ln, i, data);
		free(data);
		if (r != 0)
			err(1, NULL);
	}
	print_table(tb);
}

static void
add_row(struct libscols_table *tb, const struct row *row)
{
	struct libscols_line *ln;
	char *data;
	size_t i;

	if ((ln = scols_table_new_line(tb, NULL)) == NULL)
		err(1, NULL);
	for (i = 0; i < ncols; i++) {
		/* NULL, unknown, is blank in a table and null in JSON. */
		if ((data = cell(cols[i], row)) != NULL &&
		    scols_line_refer_data(ln, i, data) != 0)
			err(1, NULL);
	}
}

/* The text of one cell, for libsmartcols to own and free, or NULL. */
static char *
cell(enum col c, const struct row *row)
{
	const struct stat *st = row->st;

	switch (c) {
	case COL_NAME:
		return xstrdup(mode->text(row->name));
	case COL_NPROCS:
		if (!have_procs)
			return NULL;
		return fmt_num(row->held != NULL ? row->held->nholders : 0);
	case COL_PIDS:
	case COL_NSPIDS:
	case COL_COMMANDS:
		if (!have_procs)
			return NULL;
		return fmt_holders(row->held != NULL ? row->held->holders :
		    NULL, row->held != NULL ? row->held->nholders : 0,
		    c == COL_PIDS ? HOLDER_PID : c == COL_NSPIDS ?
		    HOLDER_NSPID : HOLDER_COMM, &mode->list);
	default:
		break;
	}

	/* The rest come from stat, unknown for some removed segments. */
	if (st == NULL)
		return NULL;
	switch (c) {
	case COL_SIZE:
		return fill_size(c, st->st_size);
	case COL_ALLOC:
		return fill_size(c, (off_t)st->st_blocks * 512);
	case COL_PERMS:
		return fmt_perms(st->st_mode);
	case COL_MODE:
		return fmt_mode(st->st_mode);
	case COL_UID:
		return fmt_num(st->st_uid);
	case COL_USER:
		return xstrdup(mode->text(fmt_owner(false, st->st_uid)));
	case COL_GID:
		return fmt_num(st->st_gid);
	case COL_GROUP:
		return xstrdup(mode->text(fmt_owner(true, st->st_gid)));
	case COL_MTIME:
		return fmt_time(&st->st_mtim, timefmt);
	default:
		abort();
	}
}

/*
 * The width of a cell on a terminal, as libsmartcols's mbs_width counts
 * it; the text is escaped already (vis_str), so it is valid in the locale
 * and holds no control characters.  Printable ASCII, the usual case, is
 * as wide as it is long.
 */
static size_t
cell_width(const struct libscols_column *cl, const char *data, void *arg)
{
	const char *p;
	mbstate_t ps;
	size_t n, w = 0;
	wchar_t wc;
	int x;

	(void)cl;
	(void)arg;
	for (p = data; *p >= ' ' && *p <= '~'; p++)
		;
	if (*p == '\0')
		return (size_t)(p - data);
	memset(&ps, 0, sizeof(ps));
	for (p = data; *p != '\0'; p += n) {
		n = mbrtowc(&wc, p, MB_CUR_MAX, &ps);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&ps, 0, sizeof(ps));
			n = 1;
		} else if (iswprint((wint_t)wc) && (x = wcwidth(wc)) > 0)
			w += (size_t)x;
	}
	return w;
}

/* A cell is printed on one line: there is no next chunk. */
static char *
one_chunk(const struct libscols_column *cl, char *data, void *arg)
{
	(void)cl;
	(void)data;
	(void)arg;
	return NULL;
}

/* SIZE and ALLOC remember their last value apart: see fmt_size. */
static char *
fill_size(enum col c, off_t size)
{
	static struct fmt_size_last last[2] = {
		FMT_SIZE_LAST_INIT, FMT_SIZE_LAST_INIT
	};

	return fmt_size(size, bytes, &last[c == COL_SIZE ? 0 : 1]);
}

/*
 * --all-targets: one row for each distinct /dev/shm on the host (each
 * file system once), with the lowest PID that sees it, that process's
 * command and cgroup, and how full it is, so that the container whose
 * /dev/shm is full stands out.  lib/target.c finds them.
 */
static void
list_targets(int argc, char **argv)
{
	static const struct {
		const char	*name;
		double		 whint;
		int		 flags, json;
	} tcols[] = {
		{ "PID", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER },
		{ "COMMAND", 0.1, SCOLS_FL_TRUNC, SCOLS_JSON_STRING },
		{ "CGROUP", 0.3, SCOLS_FL_TRUNC, SCOLS_JSON_STRING },
		{ "SIZE", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER },
		{ "USED", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER },
		{ "AVAIL", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER },
		{ "SEGMENTS", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER },
		{ "PROMISED", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER },
		{ "ALLOC", 5, SCOLS_FL_RIGHT, SCOLS_JSON_NUMBER },
	};
	struct libscols_table *tb;
	struct libscols_column *cl;
	struct libscols_line *ln;
	struct target_shm *v;
	struct target_usage u;
	struct selection sel;
	enum procscan_view view;
	char *data[nitems(tcols)], where[64];
	size_t n, i, j, skipped;

	/*
	 * The rows come from the roots of the processes /proc shows: with
	 * none, there is nothing to list; with only a PID namespace's, a
	 * /dev/shm that only processes outside it see is left out unseen.
	 */
	view = procscan_view();
	if (view == PROCSCAN_NOT_PROCFS)
		errx(1, "%s; no /dev/shm can be found",
		    procscan_view_why(view));
	/*
	 * As with -p: the view is partial, so say so, but list what is seen;
	 * notices that keep exit 0, since nothing seen failed.
	 */
	if (view != PROCSCAN_ALL)
		warnx("%s; a /dev/shm only other processes see may be missing",
		    procscan_view_why(view));
	if (target_all(&v, &n, &skipped) == -1)
		err(1, "/proc");
	if (skipped > 0)
		warnx("%zu process%s could not be inspected; a /dev/shm only "
		    "they see may be missing", skipped, skipped == 1 ? "" : "es");
	tb = new_table("targets");
	for (i = 0; i < nitems(tcols); i++) {
		if ((cl = scols_table_new_column(tb, tcols[i].name,
		    tcols[i].whint, tcols[i].flags)) == NULL)
			err(1, NULL);
		scols_column_set_json_type(cl, tcols[i].json);
	}
	sel_init(&sel, argc, argv, aflag);
	for (i = 0; i < n; i++) {
		if (target_usage(&v[i], sel_want, &sel, &u) == -1) {
			warn_op("%s of process %d: %s", SHM_DIR,
			    (int)v[i].pid, diag_strerror(errno));
			continue;
		}
		snprintf(where, sizeof(where), "%s of process %d", SHM_DIR,
		    (int)v[i].pid);
		warn_promise(where, u.promised, u.size, "");
		data[0] = fmt_num((uintmax_t)v[i].pid);
		data[1] = xstrdup(mode->text(v[i].comm));
		data[2] = v[i].cgroup == NULL ? NULL :
		    xstrdup(mode->text(v[i].cgroup));
		data[3] = fill_size(COL_SIZE, (off_t)u.size);
		data[4] = fill_size(COL_SIZE, (off_t)u.used);
		data[5] = fill_size(COL_SIZE, (off_t)u.avail);
		data[6] = fmt_num(u.segments);
		data[7] = fill_size(COL_SIZE, (off_t)u.promised);
		data[8] = fill_size(COL_ALLOC, (off_t)u.alloc);
		if ((ln = scols_table_new_line(tb, NULL)) == NULL)
			err(1, NULL);
		for (j = 0; j < nitems(tcols); j++)
			if (data[j] != NULL &&
			    scols_line_refer_data(ln, j, data[j]) != 0)
				err(1, NULL);
	}
	sel_free(&sel);
	print_table(tb);
	target_free(v, n);
}

/* A command name in a list, escaped for a table. */
static void
put_vis(FILE *fp, const char *s)
{
	fputs(vis_str(s), fp);
}

static void
put_asis(FILE *fp, const char *s)
{
	fputs(s, fp);
}

/*
 * Holders come from /proc, which may not show every process that shares
 * /dev/shm (see procscan_view), nor every one it lists: partial says so,
 * on stderr and in JSON.  A /proc that is no procfs, or that cannot be
 * read, shows none, and the holder columns stay blank.  The warnings end
 * with what that means for the caller's output: none when nothing could
 * be read, which fails, part when some processes may be missing, a notice
 * that keeps exit 0 (the man page's EXIT STATUS).
 */
static void
scan_procs(const char *none, const char *part)
{
	enum procscan_view view;

	view = procscan_view();
	if (view == PROCSCAN_NOT_PROCFS) {
		partial = procscan_view_why(view);
		warn_op("%s; %s", partial, none);
		return;
	}
	if (procscan_read(&procs) == -1) {
		partial = strerror(errno);
		warn_name("/proc");
		return;
	}
	have_procs = true;
	if (view != PROCSCAN_ALL) {
		partial = procscan_view_why(view);
		warnx("%s; %s", partial, part);
	}
	if (procs.hidden) {
		partial = "/proc hides the processes we may not inspect";
		warnx("%s (hidepid); %s", partial, part);
	}
	if (procs.skipped > 0) {
		if (partial == NULL)
			partial = "processes could not be inspected";
		warnx("%zu process%s could not be inspected; %s",
		    procs.skipped, procs.skipped == 1 ? "" : "es", part);
	}
}

/*
 * The table, and with -J and the scan, a "holders" member beside
 * "segments" that says whether the view of processes was whole.
 * libsmartcols writes one object with the table's one member, so the
 * member goes in before its closing brace.
 */
static int
print_scols(struct libscols_table *tb)
{
	char *text, *end;
	int r;

	if (format != FMT_JSON || !holders_member)
		return scols_print_table(tb);
	if ((r = scols_print_table_to_string(tb, &text)) != 0)
		return r;
	if ((end = strrchr(text, '}')) == NULL)
		errx(1, "printing the table: no JSON object");
	while (end > text && isspace((unsigned char)end[-1]))
		end--;
	fwrite(text, 1, (size_t)(end - text), stdout);
	printf(",\n   \"holders\": {\"partial\": %s, \"reason\": ",
	    partial != NULL ? "true" : "false");
	if (partial != NULL)
		fmt_json_string(stdout, partial);
	else
		fputs("null", stdout);
	printf(", \"skipped\": %zu}\n}\n", have_procs ? procs.skipped : 0);
	free(text);
	return 0;
}
