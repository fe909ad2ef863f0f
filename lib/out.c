/*
 * out.c: diagnostics and the end of output.  Names in messages are escaped
 * with strvis(3), since a name may hold any byte but NUL and '/'.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vis.h>

#include "name.h"
#include "out.h"

const char *
out_strerror(int e)
{
	switch (e) {
	case E_NOTREG:
		return "not a regular file";
	case E_SYMLINK:
		return "symbolic link, not followed";
	case E_SHRANK:
		return "file shrank while reading";
	case E_SHRANK_WRITE:
		return "file shrank while writing";
	case E_PASTEND:
		return "input runs past the end of the segment";
	case E_MAPFAULT:
		return "mapped page unavailable (out of space or I/O error)";
	default:
		return strerror(e);
	}
}

/* A name made safe to show on a terminal, in a static buffer. */
const char *
out_vis(const char *s)
{
	static char buf[4 * 4096 + 1];

	strnvis(buf, s, sizeof(buf), VIS_CSTYLE | VIS_TAB | VIS_NL | VIS_OCTAL);
	return buf;
}

/* Whether some operand failed, for the status of a quiet end. */
static int failed;

/* prog: NAME: reason, from errno; the operand failed. */
void
warn_name(const char *name)
{
	warnx("%s: %s", out_vis(name), out_strerror(errno));
	failed = 1;
}

/*
 * Writing to stdout failed.  A reader that went away ends the command
 * quietly, as it does cat's, with the status so far; anything else is an
 * error.
 */
noreturn void
out_fail(void)
{
	if (errno == EPIPE)
		exit(failed);
	err(1, "stdout");
}

/* Flush stdout; 0, or 1 after a message if the flush failed. */
int
out_close(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (errno == EPIPE)
			return 0;
		warn("stdout");
		return 1;
	}
	return 0;
}
