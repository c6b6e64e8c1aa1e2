/*
 * pmax spl(9) in C, after NetBSD's mips _splraise/_spllower/_splset (pmax
 * intr.h 1.23.6.2): the priority is CP0 Status IM7..0 (bits 15:8), a set
 * bit enabling a line, and an spl value is Status & (IM | IEc).  Every
 * write keeps the rest of Status (the KU/IE stack, CU, BEV).
 */
#include "port.h"

#define INT_MASK 0xff00		/* MIPS_INT_MASK */
#define INT_IE	 0x0001		/* MIPS_SR_INT_IE */

static inline int
getsr(void)
{
	int sr;

	__asm volatile("mfc0 %0,$12" : "=r"(sr));
	return sr;
}

static inline void
setsr(int sr)
{
	__asm volatile("mtc0 %0,$12" : : "r"(sr) : "memory");
}

/* the lines s enables and the current Status enables, both */
int
c_splraise(int s)
{
	int sr = getsr();

	setsr(sr & (s | ~INT_MASK));
	return sr & (INT_MASK | INT_IE);
}

int
c_spllower(int s)
{
	int sr = getsr();

	setsr((sr & ~(INT_MASK | INT_IE)) | (s & (INT_MASK | INT_IE)));
	return sr & (INT_MASK | INT_IE);
}

void
c_splx(int s)
{
	setsr((getsr() & ~(INT_MASK | INT_IE)) | (s & (INT_MASK | INT_IE)));
}
