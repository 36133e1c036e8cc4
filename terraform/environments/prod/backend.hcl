# terraform -chdir=terraform/environment init -reconfigure -backend-config=../environments/prod/backend.hcl
resource_group_name  = "rg-aml-tfstate"
storage_account_name = "stamltfstate"
container_name       = "tfstate"
key                  = "environments/prod.tfstate"
use_azuread_auth     = true
