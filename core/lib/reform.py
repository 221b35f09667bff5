"""The 2025 administrative reform: the one definition of its date.

On 1 July 2025 Vietnam's provinces merged and the district level was abolished; units
before that day and after it are told apart by it, and pages say it as ``01/07/2025``.
"""

import datetime

REFORM_DATE = datetime.date(2025, 7, 1)

# The date as pages and messages write it.
REFORM_DATE_TEXT = f"{REFORM_DATE:%d/%m/%Y}"

# The last day of the units the reform ended (districts, old communes and provinces).
LAST_OLD_DAY = REFORM_DATE - datetime.timedelta(days=1)
LAST_OLD_DAY_TEXT = f"{LAST_OLD_DAY:%d/%m/%Y}"
