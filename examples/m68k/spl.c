/*
 * m68k spl(9) in C, after NetBSD's m68k psl.h: the priority is SR<I2:I0>
 * (bits 10:8) and an spl value is a whole SR image; every change of the
 * level is one `move to SR', but to level 0, which goes through the port's
 * spl0(): it runs the soft interrupts pending in ssir first (mvme68k
 * intr.h: splx and spl0 call mvme68k_dossir).
 */
#include "port.h"

#define PSL_IPL	0x0700

static inline int
getsr(void)
{
	unsigned short sr;

	__asm volatile("movew %%sr,%0" : "=d"(sr));
	return sr;
}

static inline void
setsr(int sr)
{
	__asm volatile("movew %0,%%sr" : : "d"((unsigned short)sr) : "memory", "cc");
}

int
c_splraise(int s)
{
	int sr = getsr();

	if ((s & PSL_IPL) > (sr & PSL_IPL))
		setsr(s);
	return sr;
}

int
c_spllower(int s)
{
	int sr = getsr();

	if ((s & PSL_IPL) == 0)
		return spl0();		/* runs the pending soft interrupts */
	setsr(s);
	return sr;
}

void
c_splx(int s)
{
	if ((s & PSL_IPL) == 0)
		spl0();
	else
		setsr(s);
}
