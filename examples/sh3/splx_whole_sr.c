/*
 * A classic sh3 mistake: splx writes the spl value straight into SR, as
 * if SR held nothing but the mask.  The same `ldc' also clears MD (the
 * CPU leaves privileged mode), RB (the other register bank) and BL.
 */
#include "port.h"

void
c_splx(int s)
{
	__asm volatile("ldc %0,sr" : : "r"(s) : "memory", "t");
}
