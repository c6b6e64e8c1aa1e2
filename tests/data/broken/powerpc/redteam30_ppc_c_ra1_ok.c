/* CORRECT (unusual style: a debugging habit): splraise in C that records
   who raised the level last, as lock/spl debugging code does, with
   __builtin_return_address(1) -- the return address of its caller, found
   by GCC through the back chain: 0(r1) of the routine's frame is the
   caller's sp, 0(caller's sp) the caller's caller's sp, and 4(that) the
   LR the caller saved there on entry (SVR4 PowerPC ABI ch. 3: the back
   chain always points to the previous frame; a non-leaf caller saves LR
   in its caller's LR save word).  On a real kernel stack every word it
   reads is defined.  Expected: every property holds. */
#include "port.h"
void *spl_last_raiser;

int
rt_raise_ra1(int ncpl)
{
	int ocpl = cpl;

	cpl = ocpl | ncpl;
	__asm volatile("sync" ::: "memory");
	spl_last_raiser = __builtin_return_address(1);
	return ocpl;
}
