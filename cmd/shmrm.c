/*
 * shmrm: remove POSIX shared memory segments.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "out.h"
#include "segment.h"

static int	 rm_one(const char *);

static bool	 fflag, vflag;

static const char synopsis[] =
    "usage: shmrm [-fv] name ...\n";

static const char options[] =
    "Remove shared memory segments.\n"
    "\n"
    "  -f, --force            ignore names that do not exist\n"
    "  -v, --verbose          print the name of each segment removed\n";

static const struct option longopts[] = {
	{ "force",	no_argument,		NULL,	'f' },
	{ "help",	no_argument,		NULL,	OPT_HELP },
	{ "verbose",	no_argument,		NULL,	'v' },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	int ch, i, rval = 0;

	cli_init(synopsis);
	while ((ch = getopt_long(argc, argv, "fv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			fflag = true;
			break;
		case 'v':
			vflag = true;
			break;
		case OPT_HELP:
			help(options, NULL);
		case OPT_VERSION:
			version();
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	/* As with rm -f, nothing to remove is not an error under -f. */
	if (argc == 0 && !fflag)
		usagex("missing segment name");
	cli_names(argc, argv);

	for (i = 0; i < argc; i++)
		rval |= rm_one(argv[i]);
	return rval | out_close();
}

static int
rm_one(const char *name)
{
	if (seg_unlink(name) == -1) {
		if (fflag && errno == ENOENT)
			return 0;
		warn_name(name);
		return 1;
	}
	if (vflag)
		printf("%s\n", name);
	return 0;
}
