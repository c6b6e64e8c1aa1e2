/*
 * sh3 spl(9) in C, after NetBSD/sh3's psl.h interface: the priority is
 * SR.IMASK (bits 7:4) and an spl value is an IMASK image (IPL << 4).  One
 * `ldc Rm,sr' writes the whole SR, so every change reads SR, replaces only
 * the IMASK field and writes it back (MD, RB, BL and T kept).
 */
#include "port.h"

#define PSL_IMASK	0xf0

static inline int
getsr(void)
{
	int sr;

	__asm volatile("stc sr,%0" : "=r"(sr));
	return sr;
}

static inline void
setsr(int sr)
{
	__asm volatile("ldc %0,sr" : : "r"(sr) : "memory", "t");
}

int
c_splraise(int s)
{
	int sr = getsr();

	if ((s & PSL_IMASK) > (sr & PSL_IMASK))
		setsr((sr & ~PSL_IMASK) | (s & PSL_IMASK));
	return sr & PSL_IMASK;
}

int
c_spllower(int s)
{
	int sr = getsr();

	setsr((sr & ~PSL_IMASK) | (s & PSL_IMASK));
	return sr & PSL_IMASK;
}

void
c_splx(int s)
{
	int sr = getsr();

	setsr((sr & ~PSL_IMASK) | (s & PSL_IMASK));
}
