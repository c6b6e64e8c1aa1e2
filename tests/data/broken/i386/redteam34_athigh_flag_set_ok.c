/* Twin of redteam30_athigh_flag_ok.c that keeps the set contract
   (splhigh=set:IPL_HIGH): the port's splraise leaves the "already at
   IPL_HIGH" flag set when it raises above IPL_HIGH (IPL_SERIAL), so
   splhigh() trusts the flag only at IPL_HIGH itself.  Should hold under
   the set contract; the first file fails exact there (splhigh() from
   IPL_NONE, then splraise(IPL_SERIAL): splhigh returns at IPL_SERIAL;
   red team 34 F4, a false hold before repeats.Whereabouts). */
#include "port.h"
static volatile int rt_athigh;
int splhigh(void)
{
	int o = cpl;
	if (rt_athigh && o == SPL_HIGH)
		return o;
	cpl = SPL_HIGH;		/* from IPL_SERIAL too: a set routine */
	rt_athigh = 1;
	if (ipending & ~SPL_HIGH)
		Xspllower();
	return o;
}
int spllower(int ncpl)
{
	int o = cpl;
	rt_athigh = 0;
	cpl = ncpl;
	if (ipending & ~ncpl)
		Xspllower();
	return o;
}
void splx(int s)
{
	spllower(s);
}
int spl0(void)
{
	return spllower(0);
}
