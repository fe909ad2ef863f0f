/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * procscan.c: which processes hold which segments.  One pass over /proc
 * reads each process's fd directory and maps file and notes every file on
 * the segments' file system that it has open or mapped, by device and
 * inode; the notes are then sorted into one entry per segment.
 *
 * A descriptor counts when its /proc/PID/fd link names a file directly in
 * SHM_DIR and a stat(2) through the link confirms the device, so that no
 * other open file is ever stat'ed (a stat of a file on a dead NFS server
 * can hang).  A file open through another path (a bind mount of the file
 * system elsewhere) counts too: its fdinfo names its mount, which the
 * process's mountinfo ties to a device, and neither read touches the
 * file's own file system; only a file found on ours is stat'ed.  A
 * mapping counts when the device and inode in its maps line are the
 * segments' file system's; its path is read only for a segment that has
 * been removed, to name it.  Processes that go away meanwhile
 * are skipped, and so, but counted, are those we may not inspect.
 *
 * Whether that pass can see every process at all (a procfs, of the
 * initial PID namespace, not hiding any) is procscan_view's and
 * hides_pids's to say, so that a caller can refuse to act on a part.
 */
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <sys/types.h>

#include <linux/magic.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procfs.h"
#include "procscan.h"
#include "segment.h"

#define PROC_DIR	"/proc"
#define SHM_PREFIX	SHM_DIR "/"

/*
 * maps is read in chunks this large: stdio would read it 1024 bytes at
 * a time (the st_blksize procfs gives), four times the system calls.  A
 * line is at most a path (PATH_MAX, escaped in part) and some 100 bytes.
 */
#define MAPS_BUF	(64 * 1024)

/*
 * The inode number of the initial PID namespace, fixed by the kernel
 * (PROC_PID_INIT_INO in include/linux/proc_ns.h, not exported to user
 * space); every other PID namespace gets a number of its own.
 */
#define PID_INIT_INO	0xEFFFFFFCU

/* One process holding one file; the same pair may be noted many times. */
struct hit {
	dev_t		 dev;
	ino_t		 ino;
	pid_t		 pid;
	char		 comm[PROCFS_COMM_MAX];
	bool		 deleted;
	char		*name;		/* deleted only */
	bool		 have_stat;
	struct stat	 st;
};

/* What a pass looks for: the same for every process. */
struct want {
	dev_t		 dev;		/* the segments' file system */
	pid_t		 self;		/* the one process not to read */
};

/* The process being read. */
struct proc {
	int		 dir;		/* its /proc/PID, O_PATH */
	pid_t		 pid;
	char		 comm[PROCFS_COMM_MAX];
	bool		 have_comm;
	char		*maps;		/* MAPS_BUF bytes, kept for the next */
};

/* What a pass has found so far. */
struct found {
	struct hit	*hits;
	size_t		 n, cap;
	size_t		 skipped;	/* processes we may not inspect */
	bool		 nomem;		/* and the pass stops */

	/* Mounts seen in mountinfo, and whether each is of the device. */
	struct mnt {
		int	 id;
		bool	 ours;
	}		*mnts;
	size_t		 nmnts;
};

static int	 scan_all(const struct want *, struct found *);
static void	 scan_proc(const struct want *, struct found *, struct proc *,
		    int, const char *);
static int	 scan_fds(const struct want *, struct found *, struct proc *);
static char	*fd_name(char *, ssize_t);
static bool	 on_our_mount(const struct want *, struct found *,
		    const struct proc *, const char *);
static int	 mount_of(int, const char *);
static void	 read_mounts(const struct want *, struct found *,
		    const struct proc *);
static void	 add_mount(struct found *, int, bool);
static int	 scan_maps(const struct want *, struct found *, struct proc *);
static void	 scan_map(const struct want *, struct found *, struct proc *,
		    char *);
static void	 add_hit(struct found *, struct proc *, dev_t, ino_t, bool,
		    const char *, const struct stat *);
static void	 strip_deleted(char *);
static bool	 still_named(const struct procscan_entry *);
static int	 nspid_count(pid_t *);
static bool	 hides_pids(void);
static int	 cmp_file(dev_t, ino_t, dev_t, ino_t);
static int	 by_file_pid(const void *, const void *);
static int	 by_file(const void *, const void *);
static void	 free_found(struct found *);

/*
 * Which processes /proc can show us.  Comparing /proc/self/ns/pid with
 * /proc/1/ns/pid cannot tell: inside a child namespace, pid 1 is that
 * namespace's.  So: /proc must be a procfs; /proc/self must be this
 * process, with one pid in its NSpid line, which only a procfs of our
 * own PID namespace gives (one of an ancestor lists a pid for each level
 * down to ours, one of another namespace has no /proc/self for us); and
 * our namespace must be the initial one, known by its inode number.
 */
enum procscan_view
procscan_view(void)
{
	struct statfs sf;
	struct stat st;
	pid_t pid;
	int n;

	if (statfs(PROC_DIR, &sf) == -1 || sf.f_type != PROC_SUPER_MAGIC)
		return PROCSCAN_NOT_PROCFS;
	/* No NSpid (0): a kernel before 4.1; its Pid line must then be ours. */
	n = nspid_count(&pid);
	if (n == -1 || n > 1 || pid != getpid())
		return PROCSCAN_OTHER_NS;
	if (stat(PROC_DIR "/self/ns/pid", &st) == -1)
		/* No namespaces in this kernel: there is only the one. */
		return errno == ENOENT ? PROCSCAN_ALL : PROCSCAN_OTHER_NS;
	return st.st_ino == PID_INIT_INO ? PROCSCAN_ALL : PROCSCAN_THIS_NS;
}

/* Why a view is not PROCSCAN_ALL, in words that follow a command's name. */
const char *
procscan_view_why(enum procscan_view view)
{
	switch (view) {
	case PROCSCAN_ALL:
		break;
	case PROCSCAN_THIS_NS:
		return "this is not the initial PID namespace";
	case PROCSCAN_OTHER_NS:
		return PROC_DIR " belongs to another PID namespace";
	case PROCSCAN_NOT_PROCFS:
		return PROC_DIR " is not a procfs";
	}
	return "every process is seen";
}

/*
 * Fills ps with every segment that some process other than this one has
 * open or mapped: every file on the device of the directory seg_dirfd
 * reads, which with --target is the target's.  Returns 0, or -1 with
 * errno set when that directory or /proc cannot be read at all or memory
 * runs out.
 */
int
procscan_read(struct procscan *ps)
{
	struct want w = { .self = getpid() };
	struct found f;
	struct procscan_entry *e;
	struct hit *h;
	size_t i, j, k;

	memset(ps, 0, sizeof(*ps));
	memset(&f, 0, sizeof(f));
	if (seg_dev(&w.dev) == -1)
		return -1;
	if (scan_all(&w, &f) == -1) {
		free_found(&f);
		return -1;
	}
	if (f.n > 0)
		qsort(f.hits, f.n, sizeof(*f.hits), by_file_pid);
	/*
	 * One entry a file: counted first and had at once, since growing by
	 * a fixed step copied them all again every step, too often with
	 * tens of thousands of segments held.
	 */
	for (i = 0, k = 0; i < f.n; i++)
		if (i == 0 || cmp_file(f.hits[i].dev, f.hits[i].ino,
		    f.hits[i - 1].dev, f.hits[i - 1].ino) != 0)
			k++;
	if ((ps->v = calloc(k + 1, sizeof(*ps->v))) == NULL) {
		free_found(&f);
		errno = ENOMEM;
		return -1;
	}
	for (i = 0; i < f.n; i = j) {
		for (j = i + 1; j < f.n && cmp_file(f.hits[j].dev,
		    f.hits[j].ino, f.hits[i].dev, f.hits[i].ino) == 0; j++)
			;
		e = &ps->v[ps->n];
		memset(e, 0, sizeof(*e));
		if ((e->holders = calloc(j - i, sizeof(*e->holders))) == NULL)
			goto fail;
		ps->n++;
		e->dev = f.hits[i].dev;
		e->ino = f.hits[i].ino;
		e->deleted = true;
		for (k = i; k < j; k++) {
			h = &f.hits[k];
			if (e->nholders == 0 ||
			    e->holders[e->nholders - 1].pid != h->pid) {
				e->holders[e->nholders].pid = h->pid;
				memcpy(e->holders[e->nholders].comm, h->comm,
				    sizeof(h->comm));
				e->nholders++;
			}
			/* Any sign of life outweighs " (deleted)". */
			if (!h->deleted)
				e->deleted = false;
			if (e->name == NULL && h->name != NULL) {
				e->name = h->name;
				h->name = NULL;
			}
			if (!e->have_stat && h->have_stat) {
				e->have_stat = true;
				e->st = h->st;
			}
		}
		if (e->deleted && !e->have_stat && still_named(e))
			e->deleted = false;
		if (!e->deleted) {
			free(e->name);
			e->name = NULL;
			e->have_stat = false;
		}
	}
	ps->skipped = f.skipped;
	ps->hidden = hides_pids();
	free_found(&f);
	return 0;
fail:
	free_found(&f);
	procscan_free(ps);
	errno = ENOMEM;
	return -1;
}

const struct procscan_entry *
procscan_find(const struct procscan *ps, dev_t dev, ino_t ino)
{
	struct procscan_entry key = { .dev = dev, .ino = ino };

	if (ps->n == 0)
		return NULL;
	return bsearch(&key, ps->v, ps->n, sizeof(*ps->v), by_file);
}

void
procscan_free(struct procscan *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++) {
		free(ps->v[i].holders);
		free(ps->v[i].name);
	}
	free(ps->v);
	memset(ps, 0, sizeof(*ps));
}

static int
scan_all(const struct want *w, struct found *f)
{
	struct proc p;
	struct dirent *de;
	DIR *dir;

	if ((dir = opendir(PROC_DIR)) == NULL)
		return -1;
	memset(&p, 0, sizeof(p));
	while (!f->nomem && (de = readdir(dir)) != NULL) {
		if (isdigit((unsigned char)de->d_name[0]))
			scan_proc(w, f, &p, dirfd(dir), de->d_name);
	}
	closedir(dir);
	free(p.maps);
	if (f->nomem) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/*
 * Reads one /proc/PID into p, which it reuses from the process before;
 * a process that has gone is simply not there.
 */
static void
scan_proc(const struct want *w, struct found *f, struct proc *p, int procfd,
    const char *name)
{
	const char *errstr;
	bool denied = false;
	pid_t pid;

	pid = (pid_t)strtonum(name, 1, INT_MAX, &errstr);
	if (errstr != NULL || pid == w->self)
		return;
	p->dir = openat(procfd, name, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (p->dir == -1)
		return;
	p->pid = pid;
	p->have_comm = false;
	if (scan_fds(w, f, p) == -1 && (errno == EACCES || errno == EPERM))
		denied = true;
	if (!f->nomem && scan_maps(w, f, p) == -1 &&
	    (errno == EACCES || errno == EPERM))
		denied = true;
	if (denied)
		f->skipped++;
	close(p->dir);
}

static int
scan_fds(const struct want *w, struct found *f, struct proc *p)
{
	char link[PATH_MAX + sizeof(PROCFS_DELETED)];
	struct dirent *de;
	struct stat st;
	DIR *dir;
	ssize_t len;
	char *name;
	int fd;

	fd = openat(p->dir, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return -1;
	if ((dir = fdopendir(fd)) == NULL) {
		close(fd);
		return -1;
	}
	while (!f->nomem && (de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		len = readlinkat(dirfd(dir), de->d_name, link,
		    sizeof(link) - 1);
		if ((name = fd_name(link, len)) == NULL) {
			/*
			 * A live file (one removed cannot be removed again)
			 * on our file system through another path: it
			 * holds the segment it is, nameless here.
			 */
			if (len > 0 && link[0] == '/' &&
			    procfs_deleted(link, (size_t)len) == 0 &&
			    on_our_mount(w, f, p, de->d_name) &&
			    fstatat(dirfd(dir), de->d_name, &st, 0) == 0 &&
			    st.st_dev == w->dev && S_ISREG(st.st_mode) &&
			    st.st_nlink > 0)
				add_hit(f, p, st.st_dev, st.st_ino, false,
				    NULL, NULL);
			continue;
		}
		if (fstatat(dirfd(dir), de->d_name, &st, 0) == -1 ||
		    st.st_dev != w->dev || !S_ISREG(st.st_mode))
			continue;
		if (st.st_nlink == 0)
			strip_deleted(name);
		add_hit(f, p, st.st_dev, st.st_ino, st.st_nlink == 0, name,
		    &st);
	}
	closedir(dir);
	return 0;
}

/*
 * The name in a /proc/PID/fd link of len bytes, ended here, if it names a
 * file directly in SHM_DIR; else NULL.  A process chrooted inside another
 * mount namespace (a container made that way) shows the path from that
 * namespace's root, ".../dev/shm/NAME"; the device then decides.
 */
static char *
fd_name(char *link, ssize_t len)
{
	const size_t plen = sizeof(SHM_PREFIX) - 1;
	char *name;

	if (len <= (ssize_t)plen)
		return NULL;
	link[len] = '\0';
	if ((name = strrchr(link, '/')) == NULL)
		return NULL;	/* pipe:[...], socket:[...] */
	name++;
	if (memcmp(link, SHM_PREFIX, plen) == 0)
		return name == link + plen ? name : NULL;
	/* Not below our SHM_DIR, so a directory below it cannot count. */
	if ((size_t)(name - link) < plen || *name == '\0' ||
	    memcmp(name - plen, SHM_PREFIX, plen) != 0)
		return NULL;
	return name;
}

/*
 * Whether descriptor fdname of the process being read is open on a mount
 * of the segments' file system.  Mount ids are unique on the host; an id
 * not met yet has the process's mountinfo read, once per id.
 */
static bool
on_our_mount(const struct want *w, struct found *f, const struct proc *p,
    const char *fdname)
{
	size_t i;
	int id;

	if ((id = mount_of(p->dir, fdname)) == -1)
		return false;
	for (i = 0; i < f->nmnts && f->mnts[i].id != id; i++)
		;
	if (i == f->nmnts) {
		read_mounts(w, f, p);
		for (i = 0; i < f->nmnts && f->mnts[i].id != id; i++)
			;
		/*
		 * Not even there (a mount detached since, or one of another
		 * namespace whose descriptor was passed on): it cannot be
		 * told, and noting it so spares a read for each such file.
		 */
		if (i == f->nmnts)
			add_mount(f, id, false);
	}
	return i < f->nmnts && f->mnts[i].ours;
}

static void
add_mount(struct found *f, int id, bool ours)
{
	struct mnt *m;

	if ((m = reallocarray(f->mnts, f->nmnts + 1, sizeof(*m))) == NULL) {
		f->nomem = true;
		return;
	}
	f->mnts = m;
	f->mnts[f->nmnts].id = id;
	f->mnts[f->nmnts].ours = ours;
	f->nmnts++;
}

/* The mount id in /proc/PID/fdinfo/FD ("mnt_id:\tN"), or -1. */
static int
mount_of(int piddir, const char *fdname)
{
	char path[sizeof("fdinfo/") + NAME_MAX], buf[512], *p;
	const char *errstr;
	int id;

	snprintf(path, sizeof(path), "fdinfo/%s", fdname);
	if (procfs_read(piddir, path, buf, sizeof(buf)) <= 0)
		return -1;
	if ((p = strstr(buf, "mnt_id:")) == NULL)
		return -1;
	p += strlen("mnt_id:");
	p += strspn(p, " \t");
	p[strcspn(p, "\n")] = '\0';
	id = (int)strtonum(p, 0, INT_MAX, &errstr);
	return errstr != NULL ? -1 : id;
}

/*
 * Notes every mount in the mountinfo of the process being read ("ID
 * PARENT MAJ:MIN ..."), and which are of the segments' file system.
 */
static void
read_mounts(const struct want *w, struct found *f, const struct proc *p)
{
	char *line = NULL, *q;
	unsigned long maj, min;
	size_t cap = 0, i;
	FILE *fp;
	int fd, id;

	if ((fd = openat(p->dir, "mountinfo", O_RDONLY | O_CLOEXEC)) == -1)
		return;
	if ((fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		return;
	}
	while (getline(&line, &cap, fp) != -1) {
		id = (int)strtol(line, &q, 10);
		if (q == line || *q != ' ')
			continue;
		(void)strtol(q, &q, 10);	/* the parent's id */
		maj = strtoul(q, &q, 10);
		if (*q != ':')
			continue;
		min = strtoul(q + 1, &q, 10);
		if (*q != ' ')
			continue;
		for (i = 0; i < f->nmnts && f->mnts[i].id != id; i++)
			;
		if (i < f->nmnts)
			continue;
		add_mount(f, id, makedev(maj, min) == w->dev);
		if (f->nomem)
			break;
	}
	free(line);
	fclose(fp);
}

static int
scan_maps(const struct want *w, struct found *f, struct proc *p)
{
	char *line, *nl;
	size_t have = 0;
	ssize_t n;
	bool rest = false;	/* of a line too long to hold, to skip */
	int fd;

	if ((fd = openat(p->dir, "maps", O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (p->maps == NULL && (p->maps = malloc(MAPS_BUF)) == NULL) {
		f->nomem = true;
		close(fd);
		return 0;
	}
	/* A read that fails midway: the process is going; what we have. */
	while (!f->nomem &&
	    (n = read(fd, p->maps + have, MAPS_BUF - 1 - have)) > 0) {
		have += (size_t)n;
		p->maps[have] = '\0';
		for (line = p->maps; !f->nomem && (nl = memchr(line, '\n',
		    have - (size_t)(line - p->maps))) != NULL;
		    line = nl + 1) {
			*nl = '\0';
			if (!rest)
				scan_map(w, f, p, line);
			rest = false;
		}
		have -= (size_t)(line - p->maps);
		memmove(p->maps, line, have);
		/*
		 * A line this long has a path deeper than PATH_MAX: not a
		 * segment's.  What follows, up to its newline, is still that
		 * path, which its owner can make look like a line of its own.
		 */
		if (have == MAPS_BUF - 1) {
			have = 0;
			rest = true;
		}
	}
	if (have > 0 && !rest && !f->nomem) {
		p->maps[have] = '\0';
		scan_map(w, f, p, p->maps);
	}
	close(fd);
	return 0;
}

/*
 * One line of /proc/PID/maps.  The path is wanted only for a removed
 * segment, to name it; the kernel writes a newline in it as \012, which
 * map_files does not, so that is read first (it needs privilege) and the
 * line is the fallback.
 */
static void
scan_map(const struct want *w, struct found *f, struct proc *p, char *line)
{
	char link[PATH_MAX + sizeof(PROCFS_DELETED)], mf[64];
	struct procfs_map m;
	struct stat st;
	bool deleted, have_stat;
	char *path, *name;
	ssize_t n;

	if (procfs_map_line(line, &m) == -1 || m.ino == 0 || m.dev != w->dev)
		return;
	if (!m.deleted) {
		add_hit(f, p, w->dev, (ino_t)m.ino, false, NULL, NULL);
		return;
	}

	/* maps pads addresses to 8 digits; map_files names do not. */
	snprintf(mf, sizeof(mf), "map_files/%" PRIx64 "-%" PRIx64, m.start,
	    m.end);
	have_stat = fstatat(p->dir, mf, &st, 0) == 0 &&
	    st.st_dev == w->dev && st.st_ino == m.ino;
	deleted = have_stat ? st.st_nlink == 0 : true;
	n = readlinkat(p->dir, mf, link, sizeof(link) - 1);
	if (n > 0) {
		link[n] = '\0';
		path = link;
	} else {
		path = line + (m.path - line);
		procfs_map_unescape(path);
	}
	if (deleted)
		strip_deleted(path);
	if (strncmp(path, SHM_PREFIX, sizeof(SHM_PREFIX) - 1) == 0) {
		name = path + sizeof(SHM_PREFIX) - 1;
		if (strchr(name, '/') != NULL)
			return;	/* in a directory below: not a segment */
	} else {
		/* Seen through another mount namespace: the last part. */
		name = (name = strrchr(path, '/')) != NULL ? name + 1 : path;
	}
	add_hit(f, p, w->dev, (ino_t)m.ino, deleted,
	    *name != '\0' ? name : NULL, have_stat ? &st : NULL);
}

static void
add_hit(struct found *f, struct proc *p, dev_t dev, ino_t ino, bool deleted,
    const char *name, const struct stat *st)
{
	struct hit *h;

	/* A mapping in many pieces, or many descriptors for one file. */
	if (f->n > 0) {
		h = &f->hits[f->n - 1];
		if (h->pid == p->pid && h->dev == dev && h->ino == ino &&
		    (h->name != NULL || name == NULL || !deleted))
			return;
	}
	if (f->n == f->cap) {
		size_t cap = f->cap == 0 ? 64 : f->cap * 2;

		if ((h = reallocarray(f->hits, cap, sizeof(*h))) == NULL) {
			f->nomem = true;
			return;
		}
		f->hits = h;
		f->cap = cap;
	}
	/* The command name, read only for processes that hold a segment. */
	if (!p->have_comm) {
		procfs_comm(p->dir, "comm", p->comm);
		p->have_comm = true;
	}
	h = &f->hits[f->n];
	memset(h, 0, sizeof(*h));
	h->dev = dev;
	h->ino = ino;
	h->pid = p->pid;
	memcpy(h->comm, p->comm, sizeof(h->comm));
	h->deleted = deleted;
	if (deleted && name != NULL && (h->name = strdup(name)) == NULL) {
		f->nomem = true;
		return;
	}
	if (deleted && st != NULL) {
		h->have_stat = true;
		h->st = *st;
	}
	f->n++;
}

static void
strip_deleted(char *path)
{
	size_t len;

	if ((len = procfs_deleted(path, strlen(path))) > 0)
		path[len] = '\0';
}

/*
 * Without a stat to say how many links it has, " (deleted)" could be part
 * of a live name; a file of the name it had with the same inode settles it.
 */
static bool
still_named(const struct procscan_entry *e)
{
	struct stat st;

	return e->name != NULL && seg_stat(e->name, &st) == 0 &&
	    st.st_dev == e->dev && st.st_ino == e->ino;
}

/*
 * The number of pids in /proc/self/status's NSpid line (0 if it has none),
 * and the pid it gives first, in /proc's namespace, in *pid (or the Pid
 * line's, without NSpid); -1 if it cannot be read.
 */
static int
nspid_count(pid_t *pid)
{
	char status[4096], *p;
	pid_t last;
	int n;

	*pid = 0;
	if (procfs_read(AT_FDCWD, PROC_DIR "/self/status", status,
	    sizeof(status)) <= 0)
		return -1;
	if ((n = procfs_nspid(status, pid, &last)) == 0 &&
	    (p = strstr(status, "\nPid:")) != NULL)
		*pid = (pid_t)strtol(p + 5, NULL, 10);
	return n;
}

/*
 * Whether /proc may leave out processes altogether: mounted with
 * hidepid=invisible (2) or ptraceable (4), it lists only those we may
 * inspect, so that they cannot even be counted as skipped; unless we have
 * CAP_SYS_PTRACE, which may inspect all.  The last /proc mount listed in
 * mountinfo is the one on top.
 */
static bool
hides_pids(void)
{
	char *line = NULL, *p;
	unsigned long long caps = 0;
	size_t cap = 0;
	bool hides = false;
	FILE *fp;

	if ((fp = fopen(PROC_DIR "/self/mountinfo", "re")) == NULL)
		return false;
	while (getline(&line, &cap, fp) != -1) {
		/* "id parent maj:min root mountpoint opts ... - fstype src sopts" */
		if ((p = strstr(line, " " PROC_DIR " ")) == NULL ||
		    (p = strstr(p, " - proc ")) == NULL)
			continue;
		hides = strstr(p, "hidepid=2") != NULL ||
		    strstr(p, "hidepid=4") != NULL ||
		    strstr(p, "hidepid=invisible") != NULL ||
		    strstr(p, "hidepid=ptraceable") != NULL;
	}
	fclose(fp);
	if (hides && (fp = fopen(PROC_DIR "/self/status", "re")) != NULL) {
		while (getline(&line, &cap, fp) != -1)
			if (strncmp(line, "CapEff:", 7) == 0)
				caps = strtoull(line + 7, NULL, 16);
		fclose(fp);
		/* CAP_SYS_PTRACE is capability 19. */
		if (caps & (1ULL << 19))
			hides = false;
	}
	free(line);
	return hides;
}

/* Files in order of device, then inode. */
static int
cmp_file(dev_t xdev, ino_t xino, dev_t ydev, ino_t yino)
{
	if (xdev != ydev)
		return xdev < ydev ? -1 : 1;
	if (xino != yino)
		return xino < yino ? -1 : 1;
	return 0;
}

static int
by_file_pid(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	int c;

	if ((c = cmp_file(x->dev, x->ino, y->dev, y->ino)) != 0)
		return c;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	/* A hit that names the segment first, so that the name is kept. */
	return (y->name != NULL) - (x->name != NULL);
}

static int
by_file(const void *a, const void *b)
{
	const struct procscan_entry *x = a, *y = b;

	return cmp_file(x->dev, x->ino, y->dev, y->ino);
}

static void
free_found(struct found *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->hits[i].name);
	free(f->hits);
	free(f->mnts);
	memset(f, 0, sizeof(*f));
}
