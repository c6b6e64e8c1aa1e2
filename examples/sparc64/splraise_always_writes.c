/*
 * A classic slip: splraise writes the new PIL whatever the old one was,
 * so raising to a level below the current one lowers the priority.
 */
#include "port.h"

int
c_splraise(int s)
{
	long old;

	__asm volatile("rdpr %%pil,%0" : "=r"(old));
	__asm volatile("wrpr %0,0,%%pil" : : "r"((long)s) : "memory");
	return (int)old;
}
