import { PageTitle } from '@/components/ui/page-title';
import { ApiKeysSection } from '@/features/settings/components/api-keys-section';
import { CreditSection } from '@/features/settings/components/credit-section';
import { LlmKeysSection } from '@/features/settings/components/llm-keys-section';
import { UsageSection } from '@/features/settings/components/usage-section';
import styles from './page.module.css';

export default function SettingsRoute() {
  return (
    <div className={styles.stack}>
      <PageTitle title="Settings" />
      <UsageSection />
      <CreditSection />
      <LlmKeysSection />
      <ApiKeysSection />
    </div>
  );
}
