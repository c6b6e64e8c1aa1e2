/*
 * sparc64 spl(9) in C, after NetBSD/sparc64's psl.h: the priority is the
 * CPU's %pil (0-15), read with rdpr and written with wrpr, which takes
 * effect at once (SPARC V9: no delayed write as V8's wr %psr has).
 */
#include "port.h"

static inline int
getpil(void)
{
	long pil;

	__asm volatile("rdpr %%pil,%0" : "=r"(pil));
	return (int)pil;
}

static inline void
setpil(int pil)
{
	__asm volatile("wrpr %0,0,%%pil" : : "r"((long)pil) : "memory");
}

int
c_splraise(int s)
{
	int old = getpil();

	if (s > old)
		setpil(s);
	return old;
}

int
c_spllower(int s)
{
	int old = getpil();

	setpil(s);
	return old;
}

void
c_splx(int s)
{
	setpil(s);
}
