/* CORRECT (red team 35 F6).  An splx that first tests the V flag it finds
   in CPSR, which the ABI leaves undefined at the call, and writes a scratch
   register it then never reads: the two paths differ in length alone and
   end alike.  It failed defined_only (the call's length was part of how it
   ended); it holds now that check explores the other world's path too. */
#include "port.h"

void
rt_splx(int mask)
{
	__asm volatile("mrs r3, cpsr\n\ttst r3, #0x10000000\n\tbeq 1f\n\tmov r3, #0\n1:"
	    ::: "r3", "cc");
	current_spl_level = mask;
	__asm volatile("" ::: "memory");
	if (footbridge_ipending & ~mask)
		footbridge_do_pending();
}
